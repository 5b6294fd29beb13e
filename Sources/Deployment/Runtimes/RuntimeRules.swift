import AWSCore
import Foundation

/// Local checks of a runtime and handler against `RuntimeCatalog`, made before any AWS call
/// (pure: today's date is an argument).
package enum RuntimeRules {
    /// What the runtime is used for: Lambda blocks creating functions before it blocks updating them.
    package enum Use: Sendable {
        /// CreateFunction.
        case create
        /// UpdateFunctionConfiguration or UpdateFunctionCode.
        case update
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    package static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Checks `runtime` for `use` on `today` (`YYYY-MM-DD`): throws for a runtime Lambda blocks,
    /// returns warnings for a deprecated or unknown one. `option` names where the value came from
    /// (the caller's name for it: `--runtime`, `function.runtime`).
    package static func check(runtime: String, for use: Use, today: String, option: String) throws -> [String] {
        guard let info = RuntimeCatalog.info(runtime) else {
            let known = RuntimeCatalog.runtimes.filter { !isDeprecated($0, today: today) }.map(\.identifier)
            return [
                "\(option) \(runtime) is not in lambdactl's runtime table (AWS's list of \(RuntimeCatalog.asOf)); "
                    + "AWS will refuse it if it does not exist. Supported: \(known.joined(separator: ", "))"
            ]
        }
        let successor = RuntimeCatalog.successor(for: info.family, today: today)
        let instead = successor.map { "; use \($0) instead" } ?? ""
        let blocked = use == .create ? info.blockCreate : info.blockUpdate
        if let blocked, blocked <= today {
            let what = use == .create ? "creating functions" : "updating functions"
            throw LifecycleError.usage(
                "\(option) \(runtime) is deprecated (since \(info.deprecation ?? blocked)) and Lambda has refused \(what) with it since \(blocked)\(instead)")
        }
        guard isDeprecated(info, today: today), let deprecation = info.deprecation else { return [] }
        var dates: [String] = []
        if let create = info.blockCreate, create > today { dates.append("new functions are refused from \(create)") }
        if let update = info.blockUpdate, update > today { dates.append("updates from \(update)") }
        let schedule = dates.isEmpty ? "" : " (\(dates.joined(separator: ", ")))"
        return ["\(option) \(runtime) is deprecated since \(deprecation): no more security patches\(schedule)\(instead)"]
    }

    /// Refuses a handler that cannot work for the runtime's family: Node.js, Python and Ruby
    /// name `FILE.FUNCTION` (`app.handler`, `src/index.handler`), so a handler without a dot,
    /// or with nothing before or after its last dot, never loads. Java, .NET and OS-only
    /// runtimes take other shapes (or ignore it) and are not checked.
    package static func checkHandler(_ handler: String, runtime: String, option: String) throws {
        let family = RuntimeCatalog.info(runtime)?.family ?? RuntimeFamily.allCases.first { runtime.hasPrefix($0.rawValue) }
        guard let family, [.nodejs, .python, .ruby].contains(family) else { return }
        let example = family == .nodejs ? "index.handler" : family == .ruby ? "function.handler" : "app.handler"
        let fileName = family == .nodejs ? "index.mjs or index.js" : family == .ruby ? "function.rb" : "app.py"
        guard let dot = handler.lastIndex(of: "."), dot != handler.startIndex, handler.index(after: dot) != handler.endIndex,
            !handler.contains(where: \.isWhitespace)
        else {
            throw LifecycleError.usage(
                "\(option) \(handler) cannot work for \(runtime): it must be FILE.FUNCTION, e.g. \(example) for a function handler in \(fileName)")
        }
    }

    static func isDeprecated(_ info: RuntimeInfo, today: String) -> Bool {
        info.deprecation.map { $0 <= today } ?? false
    }
}

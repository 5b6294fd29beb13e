import Foundation
import Testing

/// The layering rules that a reader of `Package.swift` and `Sources/` can check: no ambient state
/// in the use cases, and every module a target imports declared as its dependency.
@Suite("Layer rules: no ambient state in Deployment, every import declared")
struct LayerRulesTests {
    static let root = NoCLIWordsTests.root

    @Test("Deployment reaches the file system, the clock, the environment and the process only through what it is handed")
    func noAmbientState() throws {
        var found: [String] = []
        for file in NoCLIWordsTests.sources("Deployment") {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for ambient in ["FileManager.default", "FileHandle(", "getpid(", "Date()", "ProcessInfo"] where code.contains(ambient) {
                    found.append("\(file.lastPathComponent):\(number + 1): \(ambient)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// Modules of the toolchain and the system, which no manifest lists.
    static let system: Set<String> = [
        "Foundation", "FoundationNetworking", "FoundationXML", "Glibc", "Darwin", "Dispatch", "Synchronization", "Testing",
        "XCTest",
    ]

    /// Target name → (folder, declared dependencies), read from `Package.swift`.
    static func targets() throws -> [String: (folder: String, dependencies: Set<String>)] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: (String, Set<String>)] = [:]
        let pattern = /\.(target|testTarget|executableTarget)\(\s*name:\s*"([^"]+)"/
        for match in manifest.matches(of: pattern) {
            let kind = String(match.1), name = String(match.2)
            // The target's own text: up to the next target declaration.
            let rest = manifest[match.range.upperBound...]
            let end = rest.firstMatch(of: /\.(target|testTarget|executableTarget|systemLibrary)\(/)?.range.lowerBound ?? rest.endIndex
            let body = rest[..<end]
            var dependencies = Set<String>()
            if let list = body.firstMatch(of: /dependencies:\s*\[([^\]]*)\]/) {
                let text = String(list.1)
                let products = text.matches(of: /\.product\(name:\s*"([^"]+)"/).map { String($0.1) }
                let plain = text.replacing(/\.product\([^)]*\)/, with: "").matches(of: /"([^"]+)"/).map { String($0.1) }
                dependencies = Set(products + plain)
            }
            let path = body.firstMatch(of: /path:\s*"([^"]+)"/).map { String($0.1) }
            result[name] = (path ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)"), dependencies)
        }
        return result
    }

    @Test("every target declares in Package.swift each module its files import")
    func importsDeclared() throws {
        let targets = try Self.targets()
        #expect(targets["Deployment"]?.dependencies.contains("ZipArchive") == true && targets.count > 15)
        var missing: [String] = []
        for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
            let folder = Self.root.appendingPathComponent(target.folder)
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            var imports = Set<String>()
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                imports.formUnion(text.matches(of: /(?m)^(?:@testable\s+)?import\s+([A-Za-z0-9_]+)/).map { String($0.1) })
            }
            for module in imports.subtracting(Self.system).subtracting(target.dependencies).sorted() {
                missing.append("\(name) imports \(module) without declaring it")
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }
}

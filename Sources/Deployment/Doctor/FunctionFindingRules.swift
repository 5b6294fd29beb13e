import Foundation

/// The pure rules of the function audit: facts and today's date in, findings out.
package enum FunctionFindingRules {
    /// Lambda's limit on the environment variables' total size (keys and values), in bytes.
    package static let environmentLimit = 4096
    /// Lambda's limit on a zipped package uploaded directly, in bytes.
    package static let directUploadLimit: Int64 = 50 * 1024 * 1024
    /// How far ahead a coming deprecation is reported, in days.
    package static let deprecationHorizonDays = 90

    /// Every finding for `facts` on `today` (`YYYY-MM-DD`, UTC), errors first.
    package static func findings(_ facts: AuditedFunction, today: String) -> [DoctorFinding] {
        var all: [DoctorFinding] = []
        all += runtime(facts, today: today)
        all += permissions(facts)
        all += url(facts)
        all += limits(facts)
        all += latest(facts)
        all += roleAndLayers(facts)
        all += invocation(facts)
        return all.sorted { $0.severity < $1.severity }
    }

    /// A deprecated runtime (error) or one deprecated within the horizon (warning).
    package static func runtime(_ facts: AuditedFunction, today: String) -> [DoctorFinding] {
        guard let id = facts.runtime, let info = RuntimeCatalog.info(id), let date = info.deprecation else { return [] }
        let successor = RuntimeCatalog.successor(for: info.family, today: today)
        let fix = successor.map { DoctorFix.setRuntime(function: facts.name, runtime: $0) }
        let source = "(\(RuntimeCatalog.source), as of \(RuntimeCatalog.asOf))"
        if date <= today {
            return [DoctorFinding(.error, "runtime-deprecated", "runtime \(id) was deprecated on \(date) \(source)", fix: fix)]
        }
        guard let days = daysBetween(today, date), days <= deprecationHorizonDays else { return [] }
        return [DoctorFinding(.warning, "runtime-deprecation-soon", "runtime \(id) is deprecated on \(date), in \(days) days \(source)", fix: fix)]
    }

    /// Resource-policy statements a confused deputy could use (no SourceArn).
    package static func permissions(_ facts: AuditedFunction) -> [DoctorFinding] {
        facts.statements.compactMap { statement in
            guard statement.sourceARN == nil, !isURLStatement(statement) else { return nil }
            let principals = statement.principals.joined(separator: ",")
            guard principals.hasSuffix(".amazonaws.com") else { return nil }
            let sid = statement.sid ?? "(no Sid)"
            return DoctorFinding(
                .warning, "permission-without-source-arn",
                "resource-policy statement \(sid) lets \(principals) invoke without a SourceArn condition (confused deputy)",
                fix: .removePermission(function: facts.name, statementID: sid))
        }
    }

    /// A public function URL (info) and one lacking the `lambda:InvokeFunction` statement (error).
    package static func url(_ facts: AuditedFunction) -> [DoctorFinding] {
        guard facts.urlAuthType == "NONE" else { return [] }
        var found = [DoctorFinding(.info, "url-public", "the function URL has auth NONE: anyone can call it",
                                   fix: .setURLAuth(function: facts.name, authType: "AWS_IAM"))]
        let everyone = facts.statements.filter { $0.principals.contains("*") && (effectAllows($0)) }
        let hasURLAction = everyone.contains { $0.actions.contains("lambda:InvokeFunctionUrl") || $0.actions.contains("lambda:*") }
        let hasInvoke = everyone.contains { $0.actions.contains("lambda:InvokeFunction") || $0.actions.contains("lambda:*") }
        if !hasURLAction || !hasInvoke {
            let missing = hasURLAction ? "lambda:InvokeFunction" : "lambda:InvokeFunctionUrl"
            found.insert(DoctorFinding(
                .error, "url-missing-invoke-statement",
                "the public function URL lacks the \(missing) statement AWS requires since October 2025: calls get 403",
                fix: .setURLAuth(function: facts.name, authType: "NONE")), at: 0)
        }
        return found
    }

    /// Reserved concurrency 0, environment and package size close to Lambda's limits.
    package static func limits(_ facts: AuditedFunction) -> [DoctorFinding] {
        var found: [DoctorFinding] = []
        if facts.reservedConcurrency == 0 {
            found.append(DoctorFinding(.error, "reserved-concurrency-zero", "reserved concurrency is 0: every invocation is throttled",
                                       fix: .removeReservedConcurrency(function: facts.name)))
        }
        let envSize = facts.variables.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if envSize * 10 >= environmentLimit * 9 {
            found.append(DoctorFinding(.warning, "environment-near-limit",
                                       "environment variables take \(envSize) of Lambda's \(environmentLimit) bytes",
                                       fix: .shrinkEnvironment))
        }
        if facts.codeSize * 10 >= directUploadLimit * 9 {
            found.append(DoctorFinding(.warning, "package-near-limit",
                                       "the package is \(facts.codeSize) bytes, close to the \(directUploadLimit)-byte direct-upload limit",
                                       fix: .moveDependenciesToLayer))
        }
        return found
    }

    /// Event-source mappings on `$LATEST` while the function has aliases: they run unpublished code.
    package static func latest(_ facts: AuditedFunction) -> [DoctorFinding] {
        guard let alias = facts.aliases.sorted().first else { return [] }
        return facts.latestMappings.map { source in
            DoctorFinding(.warning, "latest-in-use",
                          "the event-source mapping from \(source) invokes $LATEST although the function has aliases (\(facts.aliases.sorted().joined(separator: ", ")))",
                          fix: .pointMappingAtAlias(function: facts.name, alias: alias))
        }
    }

    /// True when `arn` names a function without a qualifier (`…:function:NAME`).
    package static func isUnqualified(functionARN arn: String) -> Bool {
        arn.split(separator: ":", omittingEmptySubsequences: false).count == 7
    }

    private static func isURLStatement(_ statement: PolicyStatement) -> Bool {
        statement.principals.contains("*")
    }

    private static func effectAllows(_ statement: PolicyStatement) -> Bool { (statement.effect ?? "Allow") == "Allow" }

    /// Whole days from `from` to `to`, both `YYYY-MM-DD`.
    static func daysBetween(_ from: String, _ to: String) -> Int? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let start = formatter.date(from: from), let end = formatter.date(from: to) else { return nil }
        return Int((end.timeIntervalSince(start) / 86_400).rounded())
    }
}

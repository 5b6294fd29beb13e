import Foundation

extension DeployValidation {
    /// Checks `reserved_concurrency`, `provisioned_concurrency` (which needs `alias:`) and
    /// `async:` before any call, each error naming its line.
    static func checkInvocation(_ config: DeployConfig, fail: (String, String) -> DeployConfigError) throws {
        let spec = config.function.invocation
        func check(_ keyPath: String, _ body: () throws -> Void) throws {
            do {
                try body()
            } catch let error as LifecycleError {
                throw fail(keyPath, error.message(naming))
            }
        }
        if case .set(let reserved) = spec.reservedConcurrency {
            try check("function.reserved_concurrency") { try ConcurrencyRules.checkReserved(reserved) }
        }
        if case .set(let provisioned) = spec.provisionedConcurrency {
            guard config.alias != nil else {
                throw fail(
                    "function.provisioned_concurrency",
                    "function.provisioned_concurrency needs an alias: provisioned concurrency goes on an alias or a "
                        + "published version, never $LATEST; add e.g. alias: live")
            }
            try check("function.provisioned_concurrency") {
                try ConcurrencyRules.checkProvisioned(provisioned, qualifier: config.alias)
            }
        }
        if case .set(let url) = spec.functionURL {
            if url.authType == nil {
                throw fail("function.function_url.auth", "function.function_url.auth must be none or aws_iam, not \(url.auth)")
            }
            for (index, origin) in (url.corsOrigins ?? []).enumerated() {
                if let problem = CORSOrigin.problem(origin) {
                    throw fail(
                        "function.function_url.cors_origins[\(index)]",
                        Self.corsText(problem))
                }
            }
        }
        guard case .set(let async) = spec.async else { return }
        try checkAsync(async, fail: fail)
    }

    /// `function.function_url.cors_origins: 'x' is not an origin; give * or …`.
    static func corsText(_ problem: CORSOrigin.Problem) -> String {
        let what: String
        switch problem {
        case .notAnOrigin(let text): what = "'\(text)' is not an origin"
        case .moreThanOrigin(let text): what = "'\(text)' has more than scheme, host and port"
        }
        return "function.function_url.cors_origins: \(what); \(CORSOrigin.example)"
    }

    /// Checks the `async:` keys.
    static func checkAsync(_ async: AsyncSpec, fail: (String, String) -> DeployConfigError) throws {
        guard let change = async.change else {
            throw fail(
                "function.async.max_event_age",
                "function.async.max_event_age takes a duration like 90s, 10m or 1h; e.g. max_event_age: 1h")
        }
        let keys: [(InputField, String)] = [
            (.maxRetries, "max_retries"), (.maxEventAge, "max_event_age"), (.onSuccess, "on_success"),
            (.onFailure, "on_failure"),
        ]
        do {
            try ConcurrencyRules.check(change)
        } catch let error as LifecycleError {
            let key = keys.first { $0.0 == error.problem?.field }?.1
            throw fail("function.async" + (key.map { ".\($0)" } ?? ""), error.message(naming))
        }
    }
}

import AWSCore
import AWSLambda
import Foundation

/// `concurrency`: reads a function's reserved and provisioned concurrency and the account's
/// unreserved pool, and changes only what differs. A provisioned-concurrency put is waited on
/// until `READY` (or stops at `FAILED` with AWS's reason).
package struct ConcurrencyManager: Sendable {
    /// What to change; nil members leave the setting as it is.
    package struct Request: Sendable, Equatable {
        /// Reserved concurrency for the function.
        package var reserved: SettingChange<Int>?
        /// Provisioned concurrency for `qualifier`.
        package var provisioned: SettingChange<Int>?
        /// The alias or published version provisioned concurrency is on.
        package var qualifier: String?

        /// Creates a request.
        package init(reserved: SettingChange<Int>? = nil, provisioned: SettingChange<Int>? = nil, qualifier: String? = nil) {
            self.reserved = reserved
            self.provisioned = provisioned
            self.qualifier = qualifier
        }
    }

    /// One provisioned-concurrency configuration, by qualifier.
    package struct Provisioned: Sendable, Equatable, Encodable {
        package var qualifier: String
        package var requested: Int?
        package var allocated: Int?
        package var available: Int?
        package var status: String?
        package var statusReason: String?

        init(_ config: ProvisionedConcurrencyConfig, qualifier: String? = nil) {
            self.qualifier = qualifier ?? config.qualifier ?? "?"
            requested = config.requested
            allocated = config.allocated
            available = config.available
            status = config.status
            statusReason = config.statusReason
        }
    }

    /// What the command shows.
    package struct Report: Sendable, Equatable, Encodable {
        package var functionName: String
        /// nil: none reserved (the function shares the account's unreserved pool).
        package var reservedConcurrency: Int?
        package var provisioned: [Provisioned]
        /// GetAccountSettings' `UnreservedConcurrentExecutions`.
        package var unreservedAccountConcurrency: Int?
        /// GetAccountSettings' `ConcurrentExecutions`.
        package var accountConcurrency: Int?
        /// What this run changed, old → new.
        package var changes: [FieldChange]
    }

    /// The shared services.
    package var services: LifecycleServices
    /// The pause between provisioned-concurrency polls.
    package var pollInterval: Duration

    /// Creates the use case.
    package init(services: LifecycleServices, pollInterval: Duration = .seconds(1)) {
        self.services = services
        self.pollInterval = pollInterval
    }

    private var lambda: LambdaClient { services.lambda }

    /// The waiter on provisioned concurrency's status (the function waiter's deadline).
    package var provisionedWaiter: ProvisionedConcurrencyWaiter {
        ProvisionedConcurrencyWaiter(
            lambda: lambda, time: services.time, timeout: services.waiter.timeout, pollInterval: pollInterval,
            progress: services.progress)
    }

    /// Checks the request before any call (pure).
    package static func validate(_ request: Request) throws {
        if case .set(let reserved) = request.reserved { try ConcurrencyRules.checkReserved(reserved) }
        switch request.provisioned {
        case .set(let value): try ConcurrencyRules.checkProvisioned(value, qualifier: request.qualifier)
        case .remove: try ConcurrencyRules.checkProvisionedQualifier(request.qualifier)
        case nil: try NameRules.checkQualifier(request.qualifier)
        }
    }

    /// Applies the request (reserved first, then provisioned) and reports the result.
    package func run(_ function: String, _ request: Request = Request()) async throws -> Report {
        try Self.validate(request)
        var changes: [FieldChange] = []
        if let change = request.reserved {
            try await applyReserved(function, change).map { changes.append($0) }
        }
        if let change = request.provisioned, let qualifier = request.qualifier {
            try await applyProvisioned(function, qualifier: qualifier, change).map { changes.append($0) }
        }
        var report = try await read(function)
        report.changes = changes
        if report.reservedConcurrency == 0 {
            services.warn("\(function) has reserved concurrency 0: every invocation is throttled; raise the reservation or remove it")
        }
        return report
    }

    /// Sets or removes reserved concurrency when it differs; the change made, if any.
    package func applyReserved(_ function: String, _ change: SettingChange<Int>) async throws -> FieldChange? {
        let current = try await lambda.getFunctionConcurrency(function)
        let wanted = current.applying(change)
        guard wanted != current else { return nil }
        try await services.waiter.mutate(function) {
            if let wanted {
                try await lambda.putFunctionConcurrency(function, reserved: wanted)
            } else {
                try await lambda.deleteFunctionConcurrency(function)
            }
        }
        services.progress("reserved concurrency of \(function): \(Self.text(current)) → \(Self.text(wanted))")
        return FieldChange("reserved_concurrency", old: current.map(String.init), new: wanted.map(String.init) ?? "(none)")
    }

    /// Sets (and waits for READY) or removes provisioned concurrency on `qualifier` when it
    /// differs; a FAILED allocation with the same value is asked for again.
    package func applyProvisioned(_ function: String, qualifier: String, _ change: SettingChange<Int>) async throws
        -> FieldChange?
    {
        let existing = try await lambda.getProvisionedConcurrency(function, qualifier: qualifier)
        let current = existing?.requested
        let field = "provisioned_concurrency[\(qualifier)]"
        switch change {
        case .remove:
            guard existing != nil else { return nil }
            try await services.waiter.mutate(function) {
                try await lambda.deleteProvisionedConcurrency(function, qualifier: qualifier)
            }
            services.progress("provisioned concurrency on \(function):\(qualifier) removed")
            return FieldChange(field, old: current.map(String.init), new: "(none)")
        case .set(let wanted):
            if let existing, current == wanted, existing.status != ProvisionedConcurrencyStatus.failed {
                if existing.status != ProvisionedConcurrencyStatus.ready {
                    try await provisionedWaiter.waitUntilReady(function, qualifier: qualifier, current: existing)
                }
                return nil
            }
            let put = try await services.waiter.mutate(function) {
                try await lambda.putProvisionedConcurrency(function, qualifier: qualifier, executions: wanted)
            }
            services.progress("provisioned concurrency on \(function):\(qualifier): \(Self.text(current)) → \(wanted)")
            try await provisionedWaiter.waitUntilReady(function, qualifier: qualifier, current: put.status == nil ? nil : put)
            return FieldChange(field, old: current.map(String.init), new: String(wanted))
        }
    }

    /// Reads the function's concurrency and the account's pool (read-only).
    package func read(_ function: String) async throws -> Report {
        let reserved = try await lambda.getFunctionConcurrency(function)
        let provisioned = try await lambda.listProvisionedConcurrency(function).map { Provisioned($0) }
            .sorted { $0.qualifier < $1.qualifier }
        let account = try await lambda.getAccountSettings().accountLimit
        return Report(
            functionName: function, reservedConcurrency: reserved, provisioned: provisioned,
            unreservedAccountConcurrency: account?.unreservedConcurrentExecutions,
            accountConcurrency: account?.concurrentExecutions, changes: [])
    }

    static func text(_ value: Int?) -> String { value.map(String.init) ?? "(none)" }
}

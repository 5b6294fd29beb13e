import AWSCore
import AWSLambda
import Foundation

/// `async-config`: reads and changes a function's (or qualifier's) asynchronous-invocation
/// settings. Only what is given changes; the merged settings are written with one
/// PutFunctionEventInvokeConfig, and nothing is written when they equal what AWS has.
package struct AsyncConfigManager: Sendable {
    /// What the command shows.
    package struct Report: Sendable, Equatable, Encodable {
        package var functionName: String
        /// nil: unqualified (`$LATEST` and versions without their own configuration).
        package var qualifier: String?
        /// nil: no configuration (Lambda's defaults: 2 retries, six hours, no destinations).
        package var settings: AsyncInvokeSettings?
        /// What this run changed, old → new.
        package var changes: [FieldChange]
        /// The execution role's changes (the `lambdactl-destinations` policy), one line each.
        package var roleChanges: [String] = []
    }

    /// The shared services.
    package var services: LifecycleServices

    /// Creates the use case.
    package init(services: LifecycleServices) {
        self.services = services
    }

    private var lambda: LambdaClient { services.lambda }

    /// Checks the change before any call (pure).
    package static func validate(_ change: AsyncInvokeChange, qualifier: String?) throws {
        try NameRules.checkQualifier(qualifier)
        try ConcurrencyRules.check(change)
    }

    /// The settings AWS has for `qualifier` (nil: none). Lambda answers 404 both for "no
    /// configuration" and for a function or qualifier that does not exist, so a 404 is followed by
    /// GetFunctionConfiguration, which fails for the latter.
    package func current(_ function: String, qualifier: String?) async throws -> AsyncInvokeSettings? {
        if let config = try await lambda.getEventInvokeConfig(function, qualifier: qualifier) {
            return AsyncInvokeSettings(config)
        }
        _ = try await lambda.getFunctionConfiguration(function, qualifier: qualifier)
        return nil
    }

    /// Applies `change` and reports the settings after it.
    package func run(_ function: String, qualifier: String? = nil, _ change: AsyncInvokeChange = AsyncInvokeChange())
        async throws -> Report
    {
        try Self.validate(change, qualifier: qualifier)
        let current = try await current(function, qualifier: qualifier)
        var wanted = change.applied(to: current)
        // Removing settings that were never set: nothing to write.
        if current == nil && wanted == AsyncInvokeSettings() { wanted = nil }
        let changes = Self.diff(current, wanted)
        let role = change.touchesDestinations ? try await prepareRole(function, qualifier: qualifier, wanted: wanted) : nil
        if let role { try await roleConverger.applyBefore(role) }
        if !changes.isEmpty {
            try await write(function, qualifier: qualifier, wanted)
            services.progress(
                "asynchronous invocation of \(function)\(qualifier.map { ":\($0)" } ?? ""): "
                    + changes.map(\.text).joined(separator: "; "))
        }
        if let role { try await roleConverger.applyAfter(role) }
        return Report(
            functionName: function, qualifier: qualifier, settings: wanted, changes: changes, roleChanges: role?.plan.lines ?? [])
    }

    /// The execution role's converger.
    var roleConverger: RolePolicyConverger { RolePolicyConverger(iam: services.iam, warn: services.warn) }

    /// Reads the role and plans the `lambdactl-destinations` policy for the function's complete
    /// destination set once `qualifier` has `wanted` (no write; a role lambdactl does not own
    /// gets warnings only).
    func prepareRole(_ function: String, qualifier: String?, wanted: AsyncInvokeSettings?) async throws
        -> RolePolicyConverger.Prepared
    {
        let configuration = try await lambda.getFunctionConfiguration(function)
        let destinations = try await FunctionDestinations(lambda: lambda).complete(
            function, deadLetter: configuration.deadLetterConfig?.targetARN,
            replacing: .init(qualifier: qualifier, settings: wanted))
        return try await roleConverger.prepare(
            roleARN: configuration.role ?? "", function: configuration.functionName ?? function, request: RolePolicyRequest(),
            needs: RoleNeeds(configuration: configuration, destinations: destinations))
    }

    /// Writes `settings` (nil deletes the configuration) through the function waiter.
    package func write(_ function: String, qualifier: String?, _ settings: AsyncInvokeSettings?) async throws {
        try await services.waiter.mutate(function) {
            if let settings {
                try await lambda.putEventInvokeConfig(function, qualifier: qualifier, settings.eventInvokeConfig)
            } else {
                try await lambda.deleteEventInvokeConfig(function, qualifier: qualifier)
            }
        }
    }

    /// Each setting that differs, old → new, in the deploy config's names (pure).
    package static func diff(_ current: AsyncInvokeSettings?, _ wanted: AsyncInvokeSettings?) -> [FieldChange] {
        guard current != wanted else { return [] }
        if wanted == nil { return [FieldChange("async", old: current?.summary, new: "(none)")] }
        let old = current ?? AsyncInvokeSettings(), new = wanted ?? AsyncInvokeSettings()
        var list: [FieldChange] = []
        func add(_ key: String, _ a: String?, _ b: String?) {
            if a != b { list.append(FieldChange("async.\(key)", old: a, new: b ?? "(none)")) }
        }
        add("max_retries", old.maxRetries.map(String.init), new.maxRetries.map(String.init))
        add("max_event_age", old.maxEventAgeSeconds.map(AsyncInvokeSettings.age), new.maxEventAgeSeconds.map(AsyncInvokeSettings.age))
        add("on_success", old.onSuccess, new.onSuccess)
        add("on_failure", old.onFailure, new.onFailure)
        if list.isEmpty { list.append(FieldChange("async", old: current == nil ? nil : old.summary, new: new.summary)) }
        return list
    }
}

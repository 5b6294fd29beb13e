import AWSCloudWatch
import AWSCore
import AWSLambda
import Foundation

/// `rollout`: moves aliases to new versions step by step (each step a share of the traffic
/// through `RoutingConfig.AdditionalVersionWeights`), watching alarms and errors while each step
/// holds; on an alarm, on errors, on a failed call or on Ctrl-C it puts every alias back on its
/// old version, entirely. Several aliases move in lockstep: one release, one unit.
package struct RolloutRunner: Sendable {
    /// The shared services (Lambda, the clock, progress and events).
    package var services: LifecycleServices
    /// CloudWatch, for the alarms and the errors metric.
    package var cloudWatch: CloudWatchClient
    /// Aliases moved at once.
    package var jobs = 8

    /// Creates the use case.
    package init(services: LifecycleServices, cloudWatch: CloudWatchClient) {
        self.services = services
        self.cloudWatch = cloudWatch
    }

    /// One alias as read before the rollout.
    struct Prepared: Sendable {
        var target: RolloutTarget
        var alias: AliasConfiguration
        var functionARN: String?
        var tags: [String: String]
        /// Why AWS cannot split this alias between the two versions, when it cannot.
        var mismatch: String?
    }

    /// Checks everything with read-only calls (aliases, versions, roles, dead-letter configs,
    /// alarms), then moves the aliases step by step. Throws ``RolloutError`` (exit 11) when an
    /// alarm fires or was firing, `CancellationError` after putting the aliases back on Ctrl-C.
    package func run(_ requests: [RolloutRequest], schedule: RolloutSchedule, watch: RolloutWatch) async throws -> RolloutReport {
        let prepared = try await prepare(requests, watch: watch)
        if let refused = prepared.first(where: { $0.mismatch != nil }), let problem = refused.mismatch {
            throw LifecycleError(
                .usage, problem, hint: .moveAliasAtOnce(function: refused.target.function, alias: refused.target.alias))
        }
        return try await roll(prepared, schedule: schedule, watch: watch)
    }

    /// The read-only checks: each alias exists and points at a published version other than
    /// the new one, every alarm exists; whether the versions share role and dead-letter config
    /// is each one's `mismatch`.
    func prepare(_ requests: [RolloutRequest], watch: RolloutWatch) async throws -> [Prepared] {
        let prepared = try await BoundedConcurrency.mapThrowing(requests, jobs: jobs) { request in
            try await prepare(request)
        }
        let found = try await RolloutWatcher(cloudWatch: cloudWatch, watch: watch).alarms()
        if let missing = watch.alarms.first(where: { found[$0] == nil }) {
            throw LifecycleError(
                .usage, "no CloudWatch alarm is named \(missing) in this region",
                hint: .listAlarms(function: requests.first?.function ?? ""))
        }
        return prepared
    }

    func prepare(_ request: RolloutRequest) async throws -> Prepared {
        let function = request.function
        let alias: AliasConfiguration
        do {
            alias = try await services.lambda.getAlias(function, alias: request.alias)
        } catch let error as AWSServiceError where error.isNotFound {
            throw LifecycleError(.usage, "\(function) has no alias \(request.alias)", hint: .createAlias(function: function, alias: request.alias))
        }
        let target = RolloutTarget(function: function, alias: request.alias, from: alias.functionVersion, to: request.to)
        if let problem = RolloutRules.problem(target) {
            throw LifecycleError(
                .usage, problem, hint: target.from == target.to ? nil : .moveAliasAtOnce(function: function, alias: request.alias))
        }
        let new: FunctionConfiguration
        do {
            new = try await services.lambda.getFunctionConfiguration(function, qualifier: target.to)
        } catch let error as AWSServiceError where error.isNotFound {
            throw LifecycleError(.usage, "\(function) has no version \(target.to)", hint: .listVersions(function: function))
        }
        let old = try await services.lambda.getFunctionConfiguration(function, qualifier: target.from)
        let details = try await services.lambda.getFunction(function)
        return Prepared(
            target: target, alias: alias, functionARN: details.configuration.functionARN, tags: details.tags ?? [:],
            mismatch: RolloutRules.mismatch(target, from: old, to: new))
    }

    /// The steps, once every check passed.
    func roll(_ prepared: [Prepared], schedule: RolloutSchedule, watch: RolloutWatch) async throws -> RolloutReport {
        let targets = prepared.map(\.target)
        let watcher = RolloutWatcher(cloudWatch: cloudWatch, watch: watch)
        if let alert = try await watcher.firing() {
            services.progress("rollout not started: \(alert.text)")
            throw RolloutError(report: RolloutReport(outcome: "not-started", targets: targets, alert: alert))
        }
        let started = services.time.now()
        let label = targets.map(\.label).joined(separator: ", ")
        services.events.send(DeployEvent(.start, resource: "alias", name: label, action: "rollout"))
        await record(prepared) { RolloutRecord.started($0, at: started) }
        var revisions = Dictionary(uniqueKeysWithValues: prepared.map { ($0.target.label, $0.alias.revisionID) })
        var given: [String] = []
        do {
            for weight in schedule.weights.dropLast() {
                let percent = RolloutSchedule.percentText(weight * 100)
                revisions = try await shift(prepared, weight: weight, revisions: revisions)
                given.append(percent)
                say(targets, weight: weight, then: "watching for \(DurationText.format(seconds: Self.seconds(schedule.interval)))")
                if let alert = try await hold(schedule, watcher: watcher, targets: targets, since: started) {
                    services.progress("rolling back: \(alert.text)")
                    try await restore(prepared, revisions: revisions)
                    await record(prepared) { RolloutRecord.ended($0, started: started, outcome: "rolled-back", at: services.time.now()) }
                    let report = RolloutReport(
                        outcome: "rolled-back", targets: targets, steps: given, alert: alert,
                        elapsedSeconds: services.time.now().timeIntervalSince(started))
                    services.events.send(DeployEvents.failure(RolloutError(report: report), resource: "alias", name: label,
                        action: "rollout", elapsedMs: Int(report.elapsedSeconds * 1000)))
                    throw RolloutError(report: report)
                }
            }
            revisions = try await complete(prepared, revisions: revisions)
        } catch let error as RolloutError {
            throw error
        } catch {
            // Ctrl-C, or a refused or failed call: every alias goes back, entirely.
            let interrupted = error is CancellationError
            services.progress(interrupted ? "interrupted: putting \(label) back on the old version" : "rolling back after: \(DeployFailure.oneLine(error))")
            let snapshot = revisions
            try await Task { try await restore(prepared, revisions: snapshot) }.value
            await Task {
                await record(prepared) { RolloutRecord.ended($0, started: started, outcome: interrupted ? "interrupted" : "rolled-back", at: services.time.now()) }
            }.value
            services.progress("\(label): back on " + targets.map { "version \($0.from)" }.joined(separator: ", "))
            throw error
        }
        given.append("100%")
        let ended = services.time.now()
        await record(prepared, history: true) { RolloutRecord.ended($0, started: started, outcome: "completed", at: ended) }
        say(targets, weight: 1, then: "rollout complete")
        services.events.send(DeployEvent(.finish, resource: "alias", name: label, action: "rollout", change: "completed",
            elapsedMs: Int(ended.timeIntervalSince(started) * 1000)))
        return RolloutReport(outcome: "completed", targets: targets, steps: given, elapsedSeconds: ended.timeIntervalSince(started))
    }

    /// Gives each new version `weight` of its alias's traffic; the aliases' new revisions.
    func shift(_ prepared: [Prepared], weight: Double, revisions: [String: String?]) async throws -> [String: String?] {
        try await update(prepared, revisions: revisions) { target in
            (target.from, AliasRoutingConfig(additionalVersionWeights: [target.to: weight]))
        }
    }

    /// Points each alias at its new version alone.
    func complete(_ prepared: [Prepared], revisions: [String: String?]) async throws -> [String: String?] {
        try await update(prepared, revisions: revisions) { ($0.to, .unweighted) }
    }

    /// Points each alias back at its old version alone. Every alias is tried; the first error
    /// is thrown after.
    func restore(_ prepared: [Prepared], revisions: [String: String?]) async throws {
        let results: [Result<Void, any Error>?] = await BoundedConcurrency.map(prepared, jobs: jobs, isFailure: { _ in false }) { item in
            do {
                _ = try await services.lambda.updateAlias(
                    item.target.function, alias: item.target.alias, version: item.target.from, routing: .unweighted)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        for case .failure(let error)? in results { throw error }
    }

    /// UpdateAlias on every alias, pinned to the revision last seen.
    func update(
        _ prepared: [Prepared], revisions: [String: String?],
        _ destination: @escaping @Sendable (RolloutTarget) -> (String, AliasRoutingConfig)
    ) async throws -> [String: String?] {
        let moved = try await BoundedConcurrency.mapThrowing(prepared, jobs: jobs) { item -> (String, String?) in
            let (version, routing) = destination(item.target)
            let revision = revisions[item.target.label] ?? nil
            let alias = try await CodeUpdater.pinned(item.target.function, revisionID: revision, operation: "UpdateAlias") {
                try await services.lambda.updateAlias(
                    item.target.function, alias: item.target.alias, version: version, revisionID: revision, routing: routing)
            }
            return (item.target.label, alias.revisionID)
        }
        return Dictionary(moved, uniquingKeysWith: { $1 })
    }

    /// Watches for one interval; the first alert, or nil when the interval passed quietly.
    func hold(_ schedule: RolloutSchedule, watcher: RolloutWatcher, targets: [RolloutTarget], since: Date) async throws -> RolloutAlert? {
        let deadline = services.time.now().addingTimeInterval(Self.seconds(schedule.interval))
        while true {
            if let alert = try await watcher.firing() { return alert }
            if let alert = try await watcher.errors(targets, since: since, now: services.time.now()) { return alert }
            let left = deadline.timeIntervalSince(services.time.now())
            if left <= 0 { return nil }
            try await services.time.sleep(.milliseconds(Int64(min(left, Self.seconds(schedule.pollInterval)) * 1000)))
        }
    }

    /// Writes each function's rollout record (and, when `history`, the alias history entry for
    /// the version left). A refused write is a warning: the aliases are where they should be.
    func record(_ prepared: [Prepared], history: Bool = false, value: @escaping @Sendable (RolloutTarget) -> String) async {
        _ = await BoundedConcurrency.map(prepared, jobs: jobs, isFailure: { _ in false }) { item in
            guard let arn = item.functionARN else { return false }
            var tags = [RolloutRecord.tagKey(for: item.target.alias): value(item.target)]
            if history {
                let before = AliasHistory.from(tags: item.tags, alias: item.target.alias)
                tags[AliasHistory.tagKey(for: item.target.alias)] = before.recording(item.target.from).tagValue
            }
            do {
                try await services.lambda.tagResource(arn, tags: tags)
            } catch {
                services.warn("could not record the rollout of \(item.target.label) in its tags (\(DeployFailure.oneLine(error)))")
            }
            return true
        }
    }

    /// A progress line per alias (`hello:live: 10% on version 4, 90% on 3; watching for 2m00s`)
    /// and one event.
    func say(_ targets: [RolloutTarget], weight: Double, then: String) {
        let percent = RolloutSchedule.percentText(weight * 100)
        for target in targets {
            let rest = weight < 1 ? ", \(RolloutSchedule.percentText((1 - weight) * 100)) on \(target.from)" : ""
            services.progress("\(target.label): \(percent) on version \(target.to)\(rest); \(then)")
        }
        var event = DeployEvent(.progress, resource: "alias", name: targets.map(\.label).joined(separator: ", "), action: "rollout",
            message: "\(percent) on the new version; \(then)")
        event.change = percent
        services.events.send(event)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

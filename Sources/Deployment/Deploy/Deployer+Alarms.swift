import AWSCloudWatch
import AWSSNS
import Foundation

/// The clients `function.alarms` needs.
package struct AlarmServices: Sendable {
    /// CloudWatch, for the alarms.
    package var cloudWatch: CloudWatchClient
    /// SNS, to check the topics they notify.
    package var sns: SNSClient

    /// Creates the services.
    package init(cloudWatch: CloudWatchClient, sns: SNSClient) {
        self.cloudWatch = cloudWatch
        self.sns = sns
    }
}

extension Deployer {
    /// The convergence of the config's `function.alarms`; nil when the key is absent.
    func alarmConvergence(_ config: DeployConfig) -> AlarmConvergence? {
        guard config.alarms != nil, let alarms else { return nil }
        return AlarmConvergence(
            cloudWatch: alarms.cloudWatch, sns: alarms.sns, function: config.function.name, prune: prune,
            ownership: config.ownership)
    }

    /// The alarms' plan, from read-only calls; nil when the config has no `function.alarms`.
    func planAlarms(_ prepared: Prepared, functionARN: String?) async throws -> [AlarmConvergence.Planned]? {
        guard let entries = prepared.config.alarms, let convergence = alarmConvergence(prepared.config) else { return nil }
        return try await convergence.plan(entries, functionARN: functionARN)
    }

    /// Writes what the alarms' plan says, after every other step. A function this deploy
    /// created is planned again first, now that its ARN names the account of the topics.
    func applyAlarms(_ plan: [AlarmConvergence.Planned], planned: Planned, report: DeployReport) async throws -> DeployReport {
        guard let convergence = alarmConvergence(planned.prepared.config), let entries = planned.prepared.config.alarms else {
            return report
        }
        var report = report
        var done: [AlarmStep] = []
        do {
            var plan = plan
            if !planned.functionExists {
                let arn = try await services.lambda.getFunctionConfiguration(planned.prepared.config.function.name).functionARN
                plan = try await convergence.plan(entries, functionARN: arn)
            }
            _ = try await convergence.apply(plan) { step in
                done.append(step)
                guard step.writes else { return }
                services.events.send(
                    DeployEvent(.finish, resource: "alarm", name: step.name, action: "alarms", change: step.change.rawValue,
                        fields: step.changes.isEmpty ? nil : step.changes))
            }
        } catch {
            services.events.send(
                DeployEvents.failure(error, resource: "alarm", name: planned.prepared.config.function.name, action: "alarms",
                    elapsedMs: nil))
            report.alarms = done
            report.changed = report.changed || done.contains(where: \.writes)
            report.failedStep = DeployStep(.alarms, planned.prepared.config.function.name, .update)
            report.error = DeployFailure.oneLine(error)
            report.notStarted = []
            throw DeployFailure(report: report, underlying: error)
        }
        report.alarms = done
        report.changed = report.changed || done.contains(where: \.writes)
        return report
    }
}

import AWSCloudWatch
import AWSCore
import AWSLambda
import AWSSNS
import Foundation

/// Reads everything `init` describes about a deployed function, with read-only calls only:
/// GetFunction, ListAliases, the alias's provisioned concurrency, event-invoke and URL configs,
/// the trigger listing `triggers` shows (with each mapping and SNS subscription in full) and
/// the alarms on its metrics (with their tags).
package struct FunctionDescriber: Sendable {
    /// Lambda.
    package var lambda: LambdaClient
    /// The trigger listing (the one `triggers` uses).
    package var overview: TriggerOverview
    /// CloudWatch, for the alarms.
    package var cloudWatch: CloudWatchClient
    /// SNS, for subscription filter policies.
    package var sns: SNSClient

    /// Creates the reader.
    package init(lambda: LambdaClient, overview: TriggerOverview, cloudWatch: CloudWatchClient, sns: SNSClient) {
        self.lambda = lambda
        self.overview = overview
        self.cloudWatch = cloudWatch
        self.sns = sns
    }

    /// The function `name` as deployed. A missing function is refused with AWS's message and a hint.
    package func describe(_ name: String, warn: @Sendable (String) -> Void = { _ in }) async throws -> DeployedFunction {
        let details: FunctionDetails
        do {
            details = try await lambda.getFunction(name)
        } catch let error as AWSServiceError where error.isNotFound {
            throw LifecycleError(.refused, "function \(name) does not exist (\(error.message))", hint: .checkFunction(name, qualified: false))
        }
        let function = details.configuration.functionName ?? name
        var deployed = DeployedFunction(
            configuration: details.configuration, tags: details.tags ?? [:],
            reservedConcurrency: details.concurrency?.reservedConcurrentExecutions, codeLocation: details.code?.location)
        deployed.aliases = try await readable("aliases (ListAliases)", into: &deployed) {
            try await lambda.listAliases(function).sorted { $0.name < $1.name }
        } ?? []
        let alias = deployed.alias
        if alias == nil {
            deployed.publishedVersions = try await readable("versions (ListVersionsByFunction)", into: &deployed) {
                try await lambda.listVersions(function).filter { $0.version != "$LATEST" }.count
            } ?? 0
        }
        if let alias {
            deployed.provisionedConcurrency = try await readable("provisioned concurrency", into: &deployed) {
                try await lambda.getProvisionedConcurrency(function, qualifier: alias)?.requested
            } ?? nil
        }
        deployed.asyncConfig = try await readable("asynchronous invocation config", into: &deployed) {
            try await lambda.getEventInvokeConfig(function, qualifier: alias)
        } ?? nil
        deployed.url = try await readable("function URL", into: &deployed) {
            try await lambda.getFunctionURLConfig(function, qualifier: alias)
        } ?? nil
        deployed.triggers = try await overview.run(function: function, warn: warn)
        for listing in deployed.triggers where ["sqs", "kinesis", "dynamodb"].contains(listing.kind) {
            guard let uuid = listing.id, let mapping = try await lambda.getEventSourceMapping(uuid: uuid) else { continue }
            deployed.mappings[uuid] = mapping
        }
        for listing in deployed.triggers where listing.kind == "sns" && listing.owned {
            guard let arn = listing.id else { continue }
            let attributes = try await readable("SNS subscription \(arn)", into: &deployed) {
                try await sns.subscriptionAttributes(subscriptionARN: arn)
            }
            if let policy = attributes?["FilterPolicy"], !policy.isEmpty { deployed.filterPolicies[arn] = policy }
        }
        deployed.alarms = try await readable("alarms (DescribeAlarms)", into: &deployed) {
            var alarms: [(alarm: MetricAlarm, owned: Bool)] = []
            for alarm in FunctionAlarms.alarms(try await cloudWatch.describeAlarms(), of: function) {
                var tags: [String: String] = [:]
                if let arn = alarm.arn { tags = try await cloudWatch.tags(resourceARN: arn) }
                alarms.append((alarm, tags[AlarmConvergence.ownerTag] == function))
            }
            return alarms
        } ?? []
        return deployed
    }

    /// The result of `read`, or nil with a note when AWS refuses it (403): a description with
    /// a hole is more use than none.
    func readable<T>(_ what: String, into deployed: inout DeployedFunction, _ read: () async throws -> T) async throws -> T? {
        do {
            return try await read()
        } catch let error as AWSServiceError where error.status == 403 {
            deployed.unread.append("\(what): \(error.code)")
            return nil
        }
    }
}

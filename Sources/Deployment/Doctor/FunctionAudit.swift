import AWSAPIGatewayV2
import AWSCore
import AWSIAM
import AWSLambda
import Foundation

/// The function audit: reads what the rules need (configuration, policy, URL, concurrency) and
/// judges it with `FunctionFindingRules`. Read-only: it sends no write.
package struct FunctionAudit: Sendable {
    /// The Lambda client it reads through.
    package var lambda: LambdaClient
    /// The IAM client the execution role is read through; nil: the role is not checked.
    package var iam: IAMClient?
    /// API Gateway v2 (HTTP API routes into the function); nil leaves them unread.
    package var gateway: APIGatewayClient?

    /// Creates the audit.
    package init(lambda: LambdaClient) { self.lambda = lambda }

    /// The findings for function `name` (at `qualifier`, when given) on `today` (`YYYY-MM-DD`).
    package func run(name: String, qualifier: String?, today: String) async throws -> [DoctorFinding] {
        let facts = try await read(name: name, qualifier: qualifier)
        return FunctionFindingRules.findings(facts, today: today)
    }

    /// The facts about function `name`.
    package func read(name: String, qualifier: String?) async throws -> AuditedFunction {
        let configuration = try await lambda.getFunctionConfiguration(name, qualifier: qualifier)
        let policy = try await lambda.policyDocument(name, qualifier: qualifier)
        let url = try await lambda.getFunctionURLConfig(name, qualifier: qualifier)
        let reserved = try await lambda.getFunctionConcurrency(name)
        let aliases = try await lambda.listAliases(name).map(\.name)
        let mappings = try await lambda.listEventSourceMappings(function: name)
        var facts = AuditedFunction(
            name: configuration.functionName ?? name, runtime: configuration.runtime,
            timeout: configuration.timeout ?? 3, codeSize: configuration.codeSize ?? 0,
            variables: configuration.variables, reservedConcurrency: reserved,
            statements: policy.map { PolicyStatement.parse(policyDocument: $0) } ?? [],
            urlAuthType: url?.authType)
        facts.aliases = aliases
        facts.latestMappings = mappings.filter { FunctionFindingRules.isUnqualified(functionARN: $0.functionARN ?? "") }
            .compactMap(\.eventSourceARN)
        try await readRoleAndLayers(into: &facts, configuration: configuration, mappings: mappings)
        try await readInvocation(into: &facts, name: name, qualifier: qualifier)
        return facts
    }
}

import AWSCore
import AWSLambda

/// What the S3 and SNS handlers need to know about the function before they write: its ARN
/// (account, region, partition) and the ARN their notifications invoke (qualified when the
/// trigger is). The qualifier is checked to exist, so a mistyped alias leaves nothing behind.
struct FunctionFacts: Sendable {
    /// The function's unqualified ARN, parsed.
    var arn: FunctionARN
    /// The ARN the source invokes.
    var invokedARN: String
    /// The resource-policy calls.
    var permissions: LambdaPermissionsAPI

    static func resolve(_ target: TriggerTarget, services: TriggerServices) async throws -> FunctionFacts {
        let permissions = LambdaPermissionsAPI(lambda: services.lambda)
        let invoked = try await permissions.functionARN(name: target.function, qualifier: target.qualifier)
        guard let arn = FunctionARN(invoked) else {
            throw LifecycleError(.unavailable, "Lambda answered a function ARN lambdactl cannot read: \(invoked)")
        }
        return FunctionFacts(arn: arn, invokedARN: invoked, permissions: permissions)
    }

    /// True when the function does not exist (a deploy has yet to create it).
    static func isMissing(_ function: String, services: TriggerServices) async throws -> Bool {
        do {
            _ = try await services.lambda.getFunctionConfiguration(function)
            return false
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return true
        }
    }
}

extension LambdaPermissionsAPI {
    /// The resource-policy statements of the function and of each of its aliases (a trigger
    /// on a qualifier has its statement in that qualifier's policy).
    func statementsOnEveryQualifier(function: String) async throws -> [PolicyStatement] {
        var statements = try await policy(function: function, qualifier: nil)
        for alias in try await aliasNames(function: function) {
            statements += try await policy(function: function, qualifier: alias)
        }
        return statements
    }
}

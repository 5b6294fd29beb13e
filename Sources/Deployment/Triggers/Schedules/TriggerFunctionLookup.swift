import AWSCore
import AWSLambda

/// The function a schedule or rule invokes, resolved once before anything is written: its ARN
/// (qualified with the trigger's alias or version) and the account it lives in.
struct TriggerFunctionLookup: Sendable {
    /// Lambda.
    var lambda: LambdaClient

    /// The function's ARN parts; a missing function or qualifier is one line, refused before any write.
    func resolve(_ target: TriggerTarget) async throws -> FunctionARN {
        let configuration: FunctionConfiguration
        do {
            configuration = try await lambda.getFunctionConfiguration(target.function)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw LifecycleError(.refused, "function \(target.function) does not exist (\(error.message))")
        }
        if let qualifier = target.qualifier {
            do {
                _ = try await lambda.getFunctionConfiguration(target.function, qualifier: qualifier)
            } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
                throw LifecycleError(
                    .refused, "function \(target.function) has no alias or version '\(qualifier)'",
                    hint: .createQualifierOrLeaveOut)
            }
        }
        guard let text = configuration.functionARN, var arn = FunctionARN(text) else {
            throw AWSResponseDecodingError(operation: "GetFunctionConfiguration", detail: "no FunctionArn in the answer")
        }
        arn.qualifier = target.qualifier
        return arn
    }
}

extension FunctionARN {
    /// The ARN with its own qualifier (unqualified when none).
    var text: String { qualified(qualifier) }
}

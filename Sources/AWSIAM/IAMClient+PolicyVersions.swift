import AWSCore
import Foundation

/// A managed policy's document: GetPolicy (its `DefaultVersionId`) then GetPolicyVersion.
/// See the IAM API Reference.
extension IAMClient {
    /// The default version's document of the managed policy `arn` (URL-decoded JSON); nil when
    /// no policy has that ARN (`NoSuchEntity`).
    package func defaultPolicyDocument(arn: String) async throws -> String? {
        do {
            let policy = try await client.query("GetPolicy", [("PolicyArn", arn)])
            guard let version = policy.first("Policy")?.value("DefaultVersionId") else {
                throw AWSResponseDecodingError(operation: "GetPolicy", detail: "no DefaultVersionId in the answer")
            }
            let answer = try await client.query("GetPolicyVersion", [("PolicyArn", arn), ("VersionId", version)])
            guard let text = answer.first("PolicyVersion")?.value("Document") else {
                throw AWSResponseDecodingError(operation: "GetPolicyVersion", detail: "no Document in the answer")
            }
            return Self.decodedPolicyDocument(text)
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return nil
        }
    }
}

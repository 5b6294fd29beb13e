import ArgumentParser
import Deployment
import Foundation

/// The execution-role options create-function and update-config share.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .customLong("policy"),
        help: "A managed policy ARN or name to attach to the role lambdactl created (repeatable).")
    var policies: [String] = []

    @Option(
        name: .customLong("policy-file"),
        help: "An IAM policy document (JSON) to store as the role's inline policy lambdactl-policy.")
    var policyFile: String?

    func validate() throws {
        for policy in policies {
            if let problem = PolicyReference.problem(policy) { throw ValidationError("--policy: \(problem)") }
        }
    }

    /// The request, with `--policy-file` read and checked (before any call).
    func request(detach: [String] = [], removeInline: Bool = false) throws -> RolePolicyRequest {
        var inline = RolePolicyRequest.Inline.leave
        if let policyFile {
            guard let data = FileManager.default.contents(atPath: policyFile) else {
                throw LifecycleError.localInput("--policy-file \(policyFile) cannot be read; give the path of a JSON policy document")
            }
            let text = String(decoding: data, as: UTF8.self)
            if let problem = PolicyDocument.problem(in: text) {
                throw LifecycleError.usage(
                    "--policy-file \(policyFile) \(problem); it must be an IAM policy document like "
                        + #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}"#)
            }
            inline = .set(text)
        }
        if removeInline { inline = .remove }
        let request = RolePolicyRequest(attach: policies, detach: detach, inline: inline)
        try request.validate()
        return request
    }
}

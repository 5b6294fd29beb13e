import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

/// `doctor`'s environment report when AWS rejects the credentials outright: one finding for all
/// services, not one per service, while different failures still speak per service.
@Suite("Doctor: credentials rejected on every service collapse into one finding")
struct CredentialsRejectedTests {
    static func refusal(_ code: String, _ operation: String = "ListFunctions", status: Int = 403) -> AWSServiceError {
        AWSServiceError(code: code, message: "The request signature we calculated does not match the signature you provided.",
                        requestID: "req-1", status: status, operation: operation)
    }

    /// The audit over probes that throw `errors` (nil: succeeds), in order, on a Lambda that answers nothing.
    static func audit(_ errors: [(String, Error?)]) -> EnvironmentAudit {
        let probes = errors.map { service, error in
            ServiceProbe(service: service, endpoint: "https://\(service).us-east-1.amazonaws.com", operation: "Op", action: "\(service):Op") {
                if let error { throw error }
            }
        }
        let lambda = LambdaClient(context: testContext(ScriptedTransport.unreachable()), endpoint: testEndpoint("lambda"))
        return EnvironmentAudit(credentials: StaticCredentials(), region: "us-east-1", probes: probes, lambda: lambda,
                                environment: [:], now: { Date(timeIntervalSince1970: 0) })
    }

    @Test("every probe refused with a credential code gives one error naming the first code, message and request id, and the other codes")
    func allRejected() throws {
        var quoting = Self.refusal("InvalidSignatureException")
        quoting.message += "\n\nThe Canonical String for this request should have been\n'GET\n/2015-03-31/functions/'"
        let failures: [Error] = [quoting, Self.refusal("SignatureDoesNotMatch", "ListRoles"),
                                 Self.refusal("InvalidSignatureException", "ListQueues")]
        let finding = try #require(EnvironmentRules.credentialsRejected(failures, succeeded: 0, source: "environment"))
        #expect(finding.code == "credentials-rejected" && finding.severity == .error && finding.fix == .checkCredentials)
        #expect(finding.message.hasPrefix("AWS rejected the credentials (environment) on all 3 services: InvalidSignatureException: The request signature"))
        #expect(finding.message.contains("signature you provided. (ListFunctions, HTTP 403, request id req-1)"))
        #expect(!finding.message.contains("\n"), "one line: the quoted canonical request is left out")
        #expect(finding.message.hasSuffix("; other services answered SignatureDoesNotMatch"))
    }

    @Test("one probe that succeeds, or one failure of another kind, keeps the per-service findings", arguments: [
        ([Self.refusal("InvalidClientTokenId", "GetCallerIdentity")], 1),
        ([Self.refusal("InvalidSignatureException"), Self.refusal("AccessDeniedException", "ListQueues")], 0),
        ([Self.refusal("InvalidSignatureException"), AWSTransportFailure(underlying: .timedOut, operation: "ListRoles", endpoint: "e", attempts: 3)], 0),
        ([], 0),
    ] as [([Error], Int)])
    func notAllRejected(failures: [Error], succeeded: Int) {
        #expect(EnvironmentRules.credentialsRejected(failures, succeeded: succeeded, source: "environment") == nil)
    }

    @Test("the audit reports one credentials-rejected finding and marks each service rejected, keeping AWS's line in detail")
    func auditCollapses() async throws {
        let report = try await Self.audit([("lambda", Self.refusal("InvalidSignatureException")),
                                           ("iam", Self.refusal("SignatureDoesNotMatch", "ListRoles")),
                                           ("sqs", Self.refusal("InvalidSignatureException", "ListQueues"))]).run()
        #expect(report.findings.map(\.code) == ["credentials-rejected"])
        #expect(report.services.map(\.status) == ["rejected", "rejected", "rejected"])
        #expect(report.services[1].detail?.hasPrefix("SignatureDoesNotMatch:") == true)
    }

    @Test("different errors per service are still one finding per service")
    func auditPerService() async throws {
        let report = try await Self.audit([("lambda", nil),
                                           ("sts", Self.refusal("InvalidClientTokenId", "GetCallerIdentity")),
                                           ("sqs", Self.refusal("AccessDenied", "ListQueues"))]).run()
        #expect(report.findings.map(\.code) == ["service-unreachable", "permission-missing"])
        #expect(report.services.map(\.status) == ["ok", "failed", "denied"])
    }
}

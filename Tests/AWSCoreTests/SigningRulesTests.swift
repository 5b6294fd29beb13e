import AWSTestSupport
import Foundation
import Testing
@testable import AWSCore

@Suite("Signing rules come from the descriptor, not the protocol")
struct SigningRulesTests {
    static let operation = AWSOperation(name: "GET /b/arn%3Ax//k", method: "GET", path: "/b/arn%3Ax//k")

    func stages(_ service: ServiceDescriptor) -> (canonicalRequest: String, stringToSign: String, authorization: String) {
        let client = AWSClient(
            context: testContext(ScriptedTransport.unreachable()),
            endpoint: ServiceEndpoint(host: "h.us-east-1.amazonaws.com", signingRegion: "us-east-1", signingName: "x"),
            service: service)
        return client.signingStages(
            for: Self.operation, credentials: Credentials(accessKeyID: "AK", secretAccessKey: "S", source: "t"),
            date: Date(timeIntervalSince1970: 1_800_000_000))
    }

    func descriptor(_ wireProtocol: AWSProtocol, _ signing: SigningRules) -> ServiceDescriptor {
        ServiceDescriptor(
            name: "x", signingName: "x", endpointPrefix: "x", environmentSuffix: "X", wireProtocol: wireProtocol,
            signing: signing)
    }

    @Test("literal-path rules encode the path once, keep // and sign x-amz-content-sha256, whatever the protocol",
          arguments: [AWSProtocol.restXML, .restJSON])
    func literalPath(_ wireProtocol: AWSProtocol) {
        let canonical = stages(descriptor(wireProtocol, .literalPath)).canonicalRequest
        #expect(canonical.split(separator: "\n")[1] == "/b/arn%3Ax//k")
        #expect(canonical.contains("x-amz-content-sha256:"))
    }

    @Test("standard rules encode the path twice, normalise it and sign no payload header, whatever the protocol",
          arguments: [AWSProtocol.restXML, .restJSON])
    func standard(_ wireProtocol: AWSProtocol) {
        let canonical = stages(descriptor(wireProtocol, .standard)).canonicalRequest
        #expect(canonical.split(separator: "\n")[1] == "/b/arn%253Ax/k")
        #expect(!canonical.contains("x-amz-content-sha256"))
    }
}

import Foundation
import SigV4
import Testing

/// One case of `Data/botocore-vectors.json` (made by `Scripts/gen-sigv4-vectors.py`).
struct BotocoreCase: Sendable, Decodable, CustomTestStringConvertible {
    let name: String
    let region: String
    let service: String
    let s3: Bool
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String?
    let epochSeconds: Int
    let method: String
    let path: String
    let query: [[String]]
    let headers: [[String]]
    let payloadHash: String
    let canonicalRequest: String
    let stringToSign: String
    let signature: String
    let authorization: String

    var testDescription: String { name }

    /// Every generated case; a single failing placeholder when the file cannot be read.
    static func all() -> [BotocoreCase] {
        struct Document: Decodable { let cases: [BotocoreCase] }
        guard let url = Bundle.module.url(forResource: "Data/botocore-vectors", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.cases
    }
}

/// Random requests signed by botocore, re-signed here stage by stage.
@Suite("botocore-generated SigV4 vectors")
struct BotocoreVectorTests {
    @Test("the generated vector file holds at least 1,000 cases")
    func fileIsPresent() {
        #expect(BotocoreCase.all().count >= 1000)
    }

    @Test("each generated case matches botocore stage by stage", arguments: BotocoreCase.all())
    func matchesBotocore(_ testCase: BotocoreCase) {
        let config: SigningConfig = testCase.s3
            ? .s3(region: testCase.region) : .standard(region: testCase.region, service: testCase.service)
        let signer = Signer(
            credentials: SigningCredentials(
                accessKeyID: testCase.accessKeyID, secretAccessKey: testCase.secretAccessKey,
                sessionToken: testCase.sessionToken),
            config: config)
        let request = SignableRequest(
            method: testCase.method, path: testCase.path,
            query: testCase.query.map { ($0[0], $0[1]) }, headers: testCase.headers.map { ($0[0], $0[1]) },
            payloadHash: testCase.payloadHash)
        let date = Date(timeIntervalSince1970: TimeInterval(testCase.epochSeconds))
        let stages = signer.stages(for: request, date: date)
        #expect(stages.canonical.text == testCase.canonicalRequest, "canonical request")
        #expect(stages.stringToSign.text == testCase.stringToSign, "string to sign")
        #expect(stages.signature == testCase.signature, "signature")
        #expect(stages.authorization == testCase.authorization, "Authorization header")
        let headers = signer.signingHeaders(for: request, date: date)
        #expect(headers.last?.value == testCase.authorization, "Authorization header of signingHeaders")
        #expect(headers.map(\.name) == signer.headerStages(for: request, date: date).headers.map(\.name))
    }
}

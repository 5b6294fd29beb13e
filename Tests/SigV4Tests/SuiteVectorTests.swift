import Foundation
import SigV4
import Testing

/// The published AWS SigV4 vectors (`/work/shared/sigv4-test-suite`), checked stage by stage.
@Suite("AWS SigV4 test suite vectors")
struct SuiteVectorTests {
    /// The suite's fixed parameters (README "Fixed parameters").
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let vanillaSessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

    // Paths with raw characters (`/ሴ`, `/example space/`) mean "this path, URI-encoded once"
    // (suite README): the loader encodes them once into the wire path, and the expected
    // canonical URI is that wire path, so those cases are signed without the second encoding.
    // `URIEncodingTests` checks what the double encoding of such a wire path gives.

    @Test("each vector gives the expected canonical request, string to sign and signature", arguments: SuiteCase.all())
    func vector(_ testCase: SuiteCase) throws {
        if let missing = testCase.missing {
            Issue.record(Comment(rawValue: missing))
            return
        }
        if testCase.folder.hasPrefix("aws-sig-v4-test-suite") {
            try checkClassic(testCase)
        } else {
            try checkSigningSuite(testCase)
        }
    }

    /// Classic format: `NAME.req` → `NAME.creq`, `NAME.sts`, `NAME.authz`.
    private func checkClassic(_ testCase: SuiteCase) throws {
        let name = (testCase.folder as NSString).lastPathComponent
        var parsed = ParsedRequest(try #require(testCase.read("\(name).req")))
        _ = parsed.remove("x-amz-date")
        // The token is in post-sts-header-before.req; get-vanilla-with-session-token's is in the README.
        let token = parsed.remove("x-amz-security-token")
            ?? (name == "get-vanilla-with-session-token" ? Self.vanillaSessionToken : nil)
        var config = SigningConfig.standard(region: "us-east-1", service: "service")
        config.doubleURIEncode = !parsed.pathHadRawCharacters
        let signer = Signer(
            credentials: SigningCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token),
            config: config)
        let request = SignableRequest(
            method: parsed.method, path: parsed.wirePath, query: parsed.query, headers: parsed.headers,
            payloadHash: PayloadHash.sha256Hex(parsed.body))
        let stages = signer.stages(for: request, date: Self.suiteDate)
        #expect(stages.canonical.text == expected(testCase.read("\(name).creq")), "canonical request")
        #expect(stages.stringToSign.text == expected(testCase.read("\(name).sts")), "string to sign")
        #expect(stages.authorization == expected(testCase.read("\(name).authz")), "signature (Authorization)")
    }

    /// aws-signing-test-suite format: `request.txt` + `context.json` → `header-*` / `query-*`.
    private func checkSigningSuite(_ testCase: SuiteCase) throws {
        var parsed = ParsedRequest(try #require(testCase.read("request.txt")))
        _ = parsed.remove("x-amz-date")
        var context = try SuiteContext(testCase.read("context.json"))
        if parsed.pathHadRawCharacters { context.config.doubleURIEncode = false }
        let token = context.token ?? parsed.remove("x-amz-security-token")
        let signer = Signer(
            credentials: SigningCredentials(accessKeyID: context.accessKeyID, secretAccessKey: context.secret, sessionToken: token),
            config: context.config)
        var payloadHash = context.signedBodyValue ?? PayloadHash.sha256Hex(parsed.body)
        if testCase.variant == .query && context.config.service == "s3" { payloadHash = PayloadHash.unsigned }
        let request = SignableRequest(
            method: parsed.method, path: parsed.wirePath, query: parsed.query, headers: parsed.headers, payloadHash: payloadHash)
        let prefix = testCase.variant.rawValue
        let canonicalText: String
        let stringToSign: String
        let signature: String
        switch testCase.variant {
        case .header:
            let stages = signer.stages(for: request, date: context.date)
            (canonicalText, stringToSign, signature) = (stages.canonical.text, stages.stringToSign.text, stages.signature)
        case .query:
            let stages = signer.presignStages(for: request, date: context.date, expires: context.expires)
            (canonicalText, stringToSign, signature) = (stages.canonical.text, stages.stringToSign.text, stages.signature)
        }
        let expectedCanonical = expected(testCase.read("\(prefix)-canonical-request.txt"))
        if testCase.folder.hasSuffix("double-encode-path") {
            // Only the canonical URI line of this vector is usable (suite README).
            let line = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false)[1] }
            #expect(line(canonicalText) == line(expectedCanonical), "canonical request (URI line)")
            return
        }
        #expect(canonicalText == expectedCanonical, "canonical request")
        #expect(stringToSign == expected(testCase.read("\(prefix)-string-to-sign.txt")), "string to sign")
        let expectedSignature = testCase.read("\(prefix)-signature.txt").map { expected($0) }
            ?? signatureInSignedRequest(testCase.read("\(prefix)-signed-request.txt"))
        #expect(signature == expectedSignature, "signature")
    }

    /// An expected file without trailing newlines (`get-query-plus` carries a stray one).
    private func expected(_ text: String?) -> String {
        var text = text ?? "<file missing>"
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    /// The `Signature=` value of a signed request file.
    private func signatureInSignedRequest(_ text: String?) -> String {
        guard let text, let range = text.range(of: "Signature=") else { return "<no signature>" }
        return String(text[range.upperBound...].prefix { $0.isHexDigit })
    }
}

/// `context.json`, with the defaults the suite README lists.
struct SuiteContext {
    var accessKeyID = "AKIDEXAMPLE"
    var secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    var token: String?
    var config = SigningConfig.standard(region: "us-east-1", service: "service")
    var date = SuiteVectorTests.suiteDate
    var expires = 3600
    var signedBodyValue: String?

    init(_ text: String?) throws {
        guard let text else {
            // extras/smithy-rs/double-url-encode ships without a context.json (README).
            config = .standard(region: "us-east-2", service: "lambda")
            date = Date(timeIntervalSince1970: 1_620_747_645)  // 20210511T154045Z
            return
        }
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let credentials = json["credentials"] as? [String: Any] ?? [:]
        accessKeyID = credentials["access_key_id"] as? String ?? accessKeyID
        secret = credentials["secret_access_key"] as? String ?? secret
        token = credentials["token"] as? String
        config = SigningConfig(
            region: json["region"] as? String ?? "us-east-1", service: json["service"] as? String ?? "service",
            doubleURIEncode: json["double_uri_encode"] as? Bool ?? true, normalizePath: json["normalize"] as? Bool ?? true,
            signBodyHeader: json["sign_body"] as? Bool ?? false, omitSessionToken: json["omit_session_token"] as? Bool ?? false)
        if let stamp = json["timestamp"] as? String {
            date = try #require(ISO8601DateFormatter().date(from: stamp))
        }
        expires = json["expiration_in_seconds"] as? Int ?? 3600
        signedBodyValue = json["signed_body_value"] as? String
    }
}

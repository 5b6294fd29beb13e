import Foundation
import SigV4
import Testing

@Suite("Signer")
struct SignerTests {
    static let credentials = SigningCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "TOKEN")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    @Test(
        "dates render as yyyyMMdd'T'HHmmss'Z' in UTC, truncated to the second",
        arguments: [
            (0.0, "19700101T000000Z"), (1_440_938_160.0, "20150830T123600Z"), (951_782_400.0, "20000229T000000Z"),
            (4_102_444_799.999, "20991231T235959Z"), (-1.0, "19691231T235959Z"), (1_709_210_096.5, "20240229T123456Z"),
        ])
    func formatsDates(seconds: Double, expected: String) {
        let date = AMZDate(Date(timeIntervalSince1970: seconds))
        #expect(date.timestamp == expected)
        #expect(date.day == expected.prefix(8))
    }

    @Test("header signing adds X-Amz-Date, the token, the S3 content hash and Authorization, replacing stale ones")
    func signingHeaders() {
        let signer = Signer(credentials: Self.credentials, config: .s3(region: "us-east-1"))
        let request = SignableRequest(
            method: "PUT", path: "/key",
            headers: [("Host", "bucket.s3.amazonaws.com"), ("X-Amz-Date", "stale"), ("Authorization", "stale")],
            payloadHash: PayloadHash.unsigned)
        let headers = signer.signingHeaders(for: request, date: Self.date)
        #expect(headers.map(\.name) == ["X-Amz-Date", "x-amz-content-sha256", "X-Amz-Security-Token", "Authorization"])
        #expect(headers[0].value == "20150830T123600Z")
        #expect(headers[1].value == "UNSIGNED-PAYLOAD")
        #expect(headers[3].value.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature="))
    }

    @Test("with omitSessionToken the token is added after signing and not signed")
    func omittedToken() {
        var config = SigningConfig.standard(region: "us-east-1", service: "service")
        config.omitSessionToken = true
        let signer = Signer(credentials: Self.credentials, config: config)
        let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")])
        let stages = signer.headerStages(for: request, date: Self.date)
        #expect(stages.canonical.signedHeaders == "host;x-amz-date")
        #expect(stages.headers.contains { $0.name == "X-Amz-Security-Token" && $0.value == "TOKEN" })
    }

    @Test("presigning returns the X-Amz-* parameters with the token signed and the signature last")
    func presign() {
        let signer = Signer(credentials: Self.credentials, config: .s3(region: "us-east-1"))
        let request = SignableRequest(
            method: "GET", path: "/test.txt", headers: [("Host", "examplebucket.s3.amazonaws.com")],
            payloadHash: PayloadHash.unsigned)
        let stages = signer.presignStages(for: request, date: Self.date, expires: 900)
        #expect(stages.query.map(\.name) == [
            "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
            "X-Amz-Security-Token", "X-Amz-Signature",
        ])
        #expect(stages.query[1].value == "AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request")
        #expect(stages.query[3].value == "900")
        #expect(stages.query[4].value == "host")
        #expect(stages.canonical.text.contains("X-Amz-Security-Token=TOKEN"))
        #expect(!stages.canonical.text.contains("x-amz-content-sha256"))
        #expect(stages.query.last?.value == stages.signature)
        #expect(signer.presignedQuery(for: request, date: Self.date, expires: 900).last?.value == stages.signature)
    }

    @Test("the signing key is derived once per day, region and service, and copies share the cache")
    func keyCache() {
        let signer = Signer(credentials: Self.credentials, config: .standard(region: "us-east-1", service: "lambda"))
        let copy = signer
        let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "lambda.us-east-1.amazonaws.com")])
        _ = signer.signingHeaders(for: request, date: Self.date)
        _ = copy.signingHeaders(for: request, date: Self.date.addingTimeInterval(3600))
        #expect(signer.keyDerivations == 1)
        _ = signer.signingHeaders(for: request, date: Self.date.addingTimeInterval(86_400))
        #expect(copy.keyDerivations == 2)
    }

    @Test("a cached key signs exactly like a freshly derived one")
    func cachedKeyMatchesFreshKey() {
        let scope = CredentialScope(day: "20150830", region: "us-east-1", service: "service")
        let cache = SigningKeyCache()
        let first = cache.key(secret: "secret", scope: scope)
        let second = cache.key(secret: "secret", scope: scope)
        #expect(first == second)
        #expect(first == SigningKey(secret: "secret", scope: scope))
        #expect(cache.derivations == 1)
        #expect(cache.key(secret: "other", scope: scope) == SigningKey(secret: "other", scope: scope))
        #expect(cache.derivations == 2)
        let toSign = StringToSign(
            CanonicalRequest(SignableRequest(method: "GET", path: "/", headers: [("Host", "h")]), config: .s3(region: "r")),
            scope: scope, date: AMZDate(SignerTests.date))
        #expect(cache.signature(secret: "other", scope: scope, stringToSign: toSign) == SigningKey(secret: "other", scope: scope).signature(for: toSign))
    }

    @Test("stages are deterministic: same inputs, same bytes")
    func deterministic() {
        let signer = Signer(credentials: Self.credentials, config: .standard(region: "eu-west-1", service: "logs"))
        let request = SignableRequest(
            method: "POST", path: "/", headers: [("Host", "logs.eu-west-1.amazonaws.com"), ("X-Amz-Target", "Logs.X")],
            payloadHash: PayloadHash.sha256Hex(Array("{}".utf8)))
        let one = signer.stages(for: request, date: Self.date)
        let two = Signer(credentials: Self.credentials, config: signer.config).stages(for: request, date: Self.date)
        #expect(one.authorization == two.authorization)
        #expect(one.canonical == two.canonical)
    }
}

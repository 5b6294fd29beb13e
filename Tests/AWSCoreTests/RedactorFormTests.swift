import Foundation
import Testing
@testable import AWSCore

@Suite("Redactor: secrets masked in every form they appear in text")
struct RedactorFormTests {
    static let token = "IQoJb3JpZ2luX2VjEJr//////////+wEaCXVzLWVhc3QtMSJHMEUCIQ=="

    @Test(
        "each form of a session token, secret or signature is masked",
        arguments: [
            ("X-Amz-Security-Token: \(token)", "X-Amz-Security-Token: ****"),
            ("x-amz-security-token:\(token)\nx-amz-date:20260101T000000Z", "x-amz-security-token:****\nx-amz-date:20260101T000000Z"),
            ("https://h/?X-Amz-Security-Token=\(token)&X-Amz-Date=1", "https://h/?X-Amz-Security-Token=****&X-Amz-Date=1"),
            (#"{"SessionToken": "\#(token)", "a": 1}"#, #"{"SessionToken": "****", "a": 1}"#),
            (#"{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG"}"#, #"{"SecretAccessKey":"****"}"#),
            (#"{"accessToken": "aoa-token", "refreshToken": "r", "clientSecret": "c"}"#, #"{"accessToken": "****", "refreshToken": "****", "clientSecret": "****"}"#),
            (#"{"Token": "container-token"}"#, #"{"Token": "****"}"#),
            ("Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcdef",
             "Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=****"),
            ("x-amz-sso_bearer_token: aoaAAAAA", "x-amz-sso_bearer_token: ****"),
            ("X-aws-ec2-metadata-token: AQAEAN==", "X-aws-ec2-metadata-token: ****"),
        ])
    func eachForm(_ input: String, _ expected: String) {
        #expect(Redactor.text(input) == expected)
    }

    @Test("AWS's quoted canonical request loses the token but keeps the rest readable")
    func canonicalRequestInMessage() {
        let message = """
            The request signature we calculated does not match the signature you provided.

            The Canonical String for this request should have been
            'POST
            /

            host:sts.amazonaws.com
            x-amz-date:20260101T000000Z
            x-amz-security-token:\(Self.token)

            host;x-amz-date;x-amz-security-token
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
            """
        let masked = Redactor.text(message)
        #expect(!masked.contains("IQoJb3JpZ2lu"))
        #expect(masked.contains("x-amz-security-token:****\n"))
        #expect(masked.contains("host;x-amz-date;x-amz-security-token\n"))
        #expect(masked.contains("does not match the signature you provided"))
    }

    @Test("the ttl header and prose about signatures are left alone")
    func noFalsePositives() {
        let text = "X-aws-ec2-metadata-token-ttl-seconds: 21600; the signature we calculated; SignedHeaders=host"
        #expect(Redactor.text(text) == text)
    }

    @Test("--debug bodies mask Environment.Variables values but keep the names")
    func environmentVariables() {
        let body = #"{"FunctionName":"f","Environment":{"Variables":{"DB_PASSWORD":"hunter2","API_KEY":"sk-\"q\"-1"}},"Timeout":3}"#
        let lines = DebugLog.bodyLines(.data(Data(body.utf8)), prefix: ">")
        #expect(lines == [#"> {"FunctionName":"f","Environment":{"Variables":{"DB_PASSWORD":"****","API_KEY":"****"}},"Timeout":3}"#])
        let answer = #"{"Environment": {"Variables": {"A": "x y"}, "Error": null}}"#
        #expect(Redactor.debugBody(answer) == #"{"Environment": {"Variables": {"A": "****"}, "Error": null}}"#)
        #expect(Redactor.debugBody(#"{"Variables": {}}"#) == #"{"Variables": {}}"#)
    }

    @Test("large bodies are still shown as their size")
    func largeBodies() {
        let body = Data(repeating: UInt8(ascii: "a"), count: 5000)
        #expect(DebugLog.bodyLines(.data(body), prefix: "<") == ["< [body: 5000 bytes]"])
    }
}

import Foundation
import Testing
@testable import AWSCore

@Suite("Error answers of every protocol")
struct ErrorDecoderTests {
    @Test("rest-json: code from X-Amzn-ErrorType cut at the colon")
    func restJSON() {
        let error = ErrorDecoder.decode(
            HTTPResponse(
                status: 409,
                headers: HTTPHeaders([("X-Amzn-ErrorType", "ResourceConflictException:http://x/"), ("x-amzn-RequestId", "r1")]),
                body: Data(#"{"Type":"User","message":"An update is in progress"}"#.utf8)))
        #expect(error == AWSServiceError(code: "ResourceConflictException", message: "An update is in progress", requestID: "r1", status: 409))
    }

    @Test("json-1.1: code from __type after the last #")
    func json11() {
        let error = ErrorDecoder.decode(
            HTTPResponse(status: 400, body: Data(#"{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"The specified log group does not exist."}"#.utf8)))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "The specified log group does not exist.")
    }

    @Test("query: code, message and request id from the XML")
    func queryXML() {
        let body = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name x cannot be found.</Message></Error><RequestId>abc-123</RequestId></ErrorResponse>"
        let error = ErrorDecoder.decode(HTTPResponse(status: 404, body: Data(body.utf8)))
        #expect(error == AWSServiceError(code: "NoSuchEntity", message: "The role with name x cannot be found.", requestID: "abc-123", status: 404))
    }

    @Test("an unreadable body falls back to the HTTP status")
    func fallback() {
        let error = ErrorDecoder.decode(HTTPResponse(status: 502, body: Data("<html>Bad gateway".utf8)))
        #expect(error.code == "HTTP502")
        #expect(error.category == .unavailable)
    }

    @Test("malformed XML is reported, not half-parsed")
    func malformedXML() {
        #expect(throws: XMLParseError.self) { try XMLDocumentNode.parse(Data("<a><b></a>".utf8)) }
    }

    @Test(
        "categories decide exit codes",
        arguments: [
            ("PreconditionFailedException", 412, ErrorCategory.conflict),
            ("ThrottlingException", 400, .unavailable),
            ("ExpiredTokenException", 403, .configuration),
            ("InvalidClientTokenId", 403, .configuration),
            ("AccessDeniedException", 403, .refused),
            ("ResourceNotFoundException", 404, .refused),
        ])
    func categories(code: String, status: Int, category: ErrorCategory) {
        #expect(AWSServiceError(code: code, message: "", requestID: nil, status: status).category == category)
    }
}

@Suite("Secrets never reach output")
struct RedactorTests {
    @Test("XML, JSON and query secrets are masked")
    func masks() {
        let text = Redactor.text(#"<SecretAccessKey>abc</SecretAccessKey> {"sessionToken" : "t\"x", "a":1} https://h/?X-Amz-Signature=deadbeef&b=1"#)
        #expect(text == #"<SecretAccessKey>****</SecretAccessKey> {"sessionToken" : "****", "a":1} https://h/?X-Amz-Signature=****&b=1"#)
    }

    @Test("the Authorization header keeps its scope but not its signature")
    func authorization() {
        let value = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=5d672d79"
        #expect(Redactor.header(name: "Authorization", value: value).hasSuffix("Signature=****"))
        #expect(Redactor.header(name: "X-Amz-Security-Token", value: "tok") == "****")
    }
}

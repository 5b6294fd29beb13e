import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("Raw requests from the command line")
struct RawRequestTests {
    @Test("a rest-json path is percent-encoded once, so an ARN can be pasted as is")
    func encodesPath() throws {
        let raw = RawRequest(
            method: "get", path: "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f",
            query: [], headers: HTTPHeaders(), target: nil, body: nil)
        let operation = try raw.operation(for: .restJSON)
        #expect(operation.method == "GET")
        #expect(operation.path == "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af")
    }

    @Test("json-1.1 needs a target and gets the service's prefix")
    func json11Target() throws {
        let raw = RawRequest(method: "POST", path: "/", query: [], headers: HTTPHeaders(), target: "DescribeLogGroups", body: nil)
        let operation = try raw.operation(for: .json11(targetPrefix: "Logs_20140328"))
        #expect(operation.headers["X-Amz-Target"] == "Logs_20140328.DescribeLogGroups")
        #expect(operation.body == .data(Data("{}".utf8)))
        let missing = RawRequest(method: "POST", path: "/", query: [], headers: HTTPHeaders(), target: nil, body: nil)
        #expect(throws: RawRequestError.self) { try missing.operation(for: .json11(targetPrefix: "Logs_20140328")) }
    }

    @Test("json 1.0 gets its content type from the same encoder, and a dotted target is kept")
    func json10Target() throws {
        let raw = RawRequest(
            method: "POST", path: "/", query: [], headers: HTTPHeaders(), target: "DynamoDB_20120810.DescribeTable",
            body: Data(#"{"TableName":"t"}"#.utf8))
        let operation = try raw.operation(for: .json10(targetPrefix: "DynamoDB_20120810"))
        #expect(operation.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(operation.headers["X-Amz-Target"] == "DynamoDB_20120810.DescribeTable")
        #expect(operation.name == "DynamoDB_20120810.DescribeTable")
        #expect(operation.body == .data(Data(#"{"TableName":"t"}"#.utf8)))
    }

    @Test("query protocol: the action and parameters become a form body")
    func queryForm() throws {
        let raw = RawRequest(
            method: "POST", path: "/", query: [QueryItem("RoleName", "a b+c")], headers: HTTPHeaders(),
            target: "GetRole", body: nil)
        let operation = try raw.operation(for: .query(version: "2010-05-08"))
        #expect(operation.body == .data(Data("Action=GetRole&Version=2010-05-08&RoleName=a%20b%2Bc".utf8)))
        #expect(operation.query.isEmpty)
    }

    @Test("malformed --query and --header arguments are usage errors")
    func badArguments() {
        #expect(throws: RawRequestError.self) { try RawRequest.parseQuery(["novalue"]) }
        #expect(throws: RawRequestError.self) { try RawRequest.parseHeaders([":x"]) }
        #expect(throws: RawRequestError.self) { try RawRequest.parseHeaders(["X-A: b\nInjected: 1"]) }
        #expect(throws: RawRequestError.self) { try RawRequest.parseHeaders(["X-A: b\r"]) }
        #expect((try? RawRequest.parseHeaders(["X-A: 1 "]))?["x-a"] == "1")
    }
}

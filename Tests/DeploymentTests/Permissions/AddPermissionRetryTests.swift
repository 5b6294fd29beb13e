import AWSCore
import AWSLambda
import AWSTestSupport
import Deployment
import Foundation
import Testing

@Suite("AddPermission after a lost answer")
struct AddPermissionRetryTests {
    /// Lambda answering AddPermission with a conflict on statement id `sid`, whose policy holds
    /// `existing` under that id.
    static func api(existing: String) -> LambdaPermissionsAPI {
        let transport = ScriptedTransport { request in
            switch (request.method, request.path) {
            case ("POST", "/2015-03-31/functions/hello/policy"):
                return jsonResponse(409, ["Type": "User", "Message": "The statement id (sid) provided already exists."])
                    .withHeader("X-Amzn-ErrorType", "ResourceConflictException")
            case ("GET", "/2015-03-31/functions/hello/policy"):
                return jsonResponse(200, ["Policy": #"{"Statement":[\#(existing)]}"#])
            default:
                return jsonResponse(404, ["Message": "unexpected \(request.method) \(request.path)"])
            }
        }
        let client = AWSClient(
            context: testContext(transport, clock: ManualClock(start: .logsTestStart), attempts: 1, jitter: 0.5),
            endpoint: ServiceEndpoint(host: "lambda.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", signingName: "lambda"),
            serviceProtocol: .restJSON)
        return LambdaPermissionsAPI(client: client)
    }

    static let request = PermissionRequest(statementID: "sid", principal: "events.amazonaws.com", sourceARN: "arn:aws:events:eu-west-1:1:rule/r")

    @Test("a conflict whose statement already grants exactly the request is the first attempt having landed: done")
    func landed() async throws {
        let api = Self.api(existing: #"{"Sid":"sid","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:eu-west-1:1:rule/r"}}}"#)
        try await api.addPermission(function: "hello", qualifier: nil, permission: Self.request)
    }

    @Test("a conflict with another statement under that id stays AWS's conflict")
    func otherStatement() async throws {
        let api = Self.api(existing: #"{"Sid":"sid","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:eu-west-1:1:rule/other"}}}"#)
        await #expect(throws: AWSServiceError.self) {
            try await api.addPermission(function: "hello", qualifier: nil, permission: Self.request)
        }
    }
}

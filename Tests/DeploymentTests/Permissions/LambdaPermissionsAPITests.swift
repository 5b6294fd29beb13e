import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Testing

@Suite("LambdaPermissionsAPI")
struct LambdaPermissionsAPITests {
    /// A Lambda stand-in answering the five calls the routes and logs commands make.
    static func api(policyExists: Bool = true) -> (LambdaPermissionsAPI, ScriptedTransport) {
        let transport = ScriptedTransport { request in
            switch (request.method, request.path) {
            case ("GET", "/2015-03-31/functions/hello/configuration") where request.query.contains(QueryItem("Qualifier", "ghost")),
                ("GET", "/2015-03-31/functions/nope/configuration"):
                return jsonResponse(404, ["Type": "User", "Message": "Function not found: arn:aws:lambda:eu-west-1:1:function:x"])
                    .withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
            case ("GET", "/2015-03-31/functions/hello/configuration"):
                return jsonResponse(200, [
                    "FunctionName": "hello", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:hello",
                    "LoggingConfig": ["LogGroup": "/custom/hello"],
                ])
            case ("GET", "/2015-03-31/functions/bare/configuration"):
                return jsonResponse(200, ["FunctionName": "bare", "FunctionArn": "arn:aws:lambda:eu-west-1:1:function:bare"])
            case ("GET", "/2015-03-31/functions/hello/aliases/ghost"):
                return jsonResponse(404, ["Type": "User", "Message": "Cannot find alias arn: arn:aws:lambda:eu-west-1:1:function:hello:ghost"])
                    .withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
            case ("GET", "/2015-03-31/functions/hello/aliases/live"):
                return jsonResponse(200, ["Name": "live", "AliasArn": "arn:aws:lambda:eu-west-1:1:function:hello:live", "FunctionVersion": "7"])
            case ("GET", "/2015-03-31/functions/hello/policy"):
                guard policyExists else {
                    return jsonResponse(404, ["Type": "User", "Message": "No policy is associated with the given resource."])
                        .withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
                }
                let document = #"{"Statement":[{"Sid":"s1","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Condition":{"ArnLike":{"AWS:SourceArn":"arn:x"}}}]}"#
                return jsonResponse(200, ["Policy": document])
            case ("POST", "/2015-03-31/functions/hello/policy"):
                return jsonResponse(201, ["Statement": "{}"])
            case ("DELETE", "/2015-03-31/functions/hello/policy/lambdactl-apigateway-a1"):
                return HTTPResponse(status: 204)
            default:
                return jsonResponse(404, ["Message": "unexpected \(request.method) \(request.path)"])
            }
        }
        let client = AWSClient(
            context: testContext(transport, clock: ManualClock(start: .logsTestStart), attempts: 3, jitter: 0.5),
            endpoint: ServiceEndpoint(host: "lambda.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", signingName: "lambda"),
            serviceProtocol: .restJSON)
        return (LambdaPermissionsAPI(client: client), transport)
    }

    @Test("a missing function, or a qualifier it does not have, is one line that says what to check")
    func missing() async throws {
        let (api, transport) = Self.api()
        await #expect(throws: RoutesError.self) { _ = try await api.logGroup(function: "nope") }
        do {
            _ = try await api.functionARN(name: "nope", qualifier: nil)
            Issue.record("expected an error")
        } catch let error as RoutesError {
            #expect(error.description.hasPrefix("function nope does not exist (Function not found: "))
            #expect(error.hint == .checkFunction("nope", qualified: false))
            #expect(error.category == .refused)
        }
        do {
            _ = try await api.functionARN(name: "hello", qualifier: "ghost")
            Issue.record("expected an error")
        } catch let error as RoutesError {
            #expect(error.facts == "function hello has no alias or version 'ghost'" && error.hint == .createQualifierOrLeaveOut)
        }
        #expect(transport.sent.allSatisfy { $0.method == "GET" })
    }

    @Test("the function ARN is qualified with the alias, and the log group comes from LoggingConfig")
    func lookups() async throws {
        let (api, _) = Self.api()
        #expect(try await api.functionARN(name: "hello", qualifier: "live") == "arn:aws:lambda:eu-west-1:123456789012:function:hello:live")
        #expect(try await api.functionARN(name: "hello", qualifier: nil) == "arn:aws:lambda:eu-west-1:123456789012:function:hello")
        #expect(try await api.logGroup(function: "hello") == "/custom/hello")
        #expect(try await api.logGroup(function: "bare") == "/aws/lambda/bare")
        #expect(try await api.version(function: "hello", qualifier: "live") == "7")
        #expect(try await api.version(function: "hello", qualifier: "$LATEST") == "$LATEST")
        #expect(try await api.version(function: "hello", qualifier: "3") == "3")
    }

    @Test("logs --qualifier with an alias that does not exist is one sentence, not AWS's raw 404")
    func missingAlias() async throws {
        let (api, _) = Self.api()
        await #expect {
            _ = try await api.version(function: "hello", qualifier: "ghost")
        } throws: { error in
            (error as? RoutesError)?.facts == "function hello has no alias 'ghost'"
                && (error as? RoutesError)?.hint == .listAliasesOrGiveVersion(function: "hello")
                && (error as? RoutesError)?.category == .refused
        }
    }

    @Test("policy statements are read; a function without a policy has none")
    func policy() async throws {
        #expect(try await Self.api().0.policy(function: "hello", qualifier: nil).map(\.sid) == ["s1"])
        #expect(try await Self.api(policyExists: false).0.policy(function: "hello", qualifier: nil).isEmpty)
    }

    @Test("AddPermission and RemovePermission send Lambda's names, the qualifier and the statement ID")
    func permissionCalls() async throws {
        let (api, transport) = Self.api()
        try await api.addPermission(
            function: "hello", qualifier: "live",
            permission: PermissionRequest(statementID: "lambdactl-apigateway-a1", principal: "apigateway.amazonaws.com", sourceARN: "arn:x"))
        try await api.removePermission(function: "hello", qualifier: "live", statementID: "lambdactl-apigateway-a1")
        let add = try #require(transport.sent.first)
        #expect(add.query == [QueryItem("Qualifier", "live")])
        #expect(jsonBody(add) as NSDictionary == [
            "StatementId": "lambdactl-apigateway-a1", "Action": "lambda:InvokeFunction",
            "Principal": "apigateway.amazonaws.com", "SourceArn": "arn:x",
        ] as NSDictionary)
        #expect(transport.sent.last?.method == "DELETE")
        #expect(transport.sent.last?.query == [QueryItem("Qualifier", "live")])
    }
}

extension HTTPResponse {
    /// The response with one more header.
    func withHeader(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.add(name, value)
        return copy
    }
}

import AWSAPIGatewayV2
import Deployment
import Testing

@Suite("RouteKey")
struct RouteKeyTests {
    @Test("valid route keys are accepted and normalised", arguments: [
        ("GET /items", "GET /items"),
        ("post /items", "POST /items"),
        ("ANY /{proxy+}", "ANY /{proxy+}"),
        ("GET /", "GET /"),
        ("DELETE /items/{id}", "DELETE /items/{id}"),
        ("PUT /a/{b}/c/{rest+}", "PUT /a/{b}/c/{rest+}"),
        ("OPTIONS /v1.0/user_list", "OPTIONS /v1.0/user_list"),
        ("HEAD /x", "HEAD /x"),
        ("PATCH /x", "PATCH /x"),
        ("$default", "$default"),
    ])
    func valid(text: String, normalised: String) throws {
        #expect(try RouteKey(text).text == normalised)
    }

    @Test("invalid route keys are refused with a hint", arguments: [
        ("FETCH /items", "method must be one of"),
        ("GET items", "must start with /"),
        ("GET", "write METHOD /path"),
        ("/items", "write METHOD /path"),
        ("GET /items/", "trailing /"),
        ("GET /a//b", "empty segment"),
        ("GET /{proxy+}/more", "must be the last segment"),
        ("GET /items/{id", "written {name}"),
        ("GET /items/{}", "written {name}"),
        ("GET /items/{i d}", "write METHOD /path"),
        ("GET /{id}/{id}", "appears twice"),
        ("GET /a b", "write METHOD /path"),
        ("GET /über", "characters a route cannot hold"),
        ("default", "write METHOD /path"),
        ("GET /x extra", "write METHOD /path"),
    ])
    func invalid(text: String, hint: String) {
        #expect {
            try RouteKey(text)
        } throws: { error in
            guard let error = error as? RouteKeyError else { return false }
            return error.category == .usage && error.description.contains(hint)
        }
    }
}

@Suite("RoutePlan")
struct RoutePlanTests {
    @Test("missing keys are created, matching ones left alone, foreign ones reported")
    func plan() throws {
        let current = [
            Route(routeId: "1", routeKey: "GET /items", target: "integrations/mine"),
            Route(routeId: "2", routeKey: "POST /items", target: "integrations/other"),
        ]
        let desired = try ["GET /items", "POST /items", "DELETE /items/{id}", "get /items"].map(RouteKey.init)
        let plan = RoutePlan(current: current, desired: desired, integrationID: "mine")
        #expect(plan.create.map(\.text) == ["DELETE /items/{id}"])
        #expect(plan.unchanged.map(\.text) == ["GET /items"])
        #expect(plan.conflicts.map(\.key.text) == ["POST /items"])
        #expect(plan.conflicts.first?.target == "integrations/other")
    }

    @Test("an API that already has every route needs nothing")
    func empty() throws {
        let current = [Route(routeId: "1", routeKey: "$default", target: "integrations/i")]
        let plan = RoutePlan(current: current, desired: [try RouteKey("$default")], integrationID: "i")
        #expect(plan.isEmpty)
    }
}

@Suite("Function ARNs and policy statements")
struct PolicyTests {
    @Test("the execute-api SourceArn covers exactly the API, from the function's region and account")
    func sourceARN() throws {
        let arn = try #require(FunctionARN("arn:aws:lambda:eu-west-1:123456789012:function:hello:live"))
        #expect(arn.qualifier == "live")
        #expect(arn.unqualified == "arn:aws:lambda:eu-west-1:123456789012:function:hello")
        #expect(arn.executeAPISourceARN(apiID: "a1b2") == "arn:aws:execute-api:eu-west-1:123456789012:a1b2/*/*")
        #expect(FunctionARN("hello") == nil)
    }

    @Test("a policy statement with the same principal, action and SourceArn counts as already granted")
    func equivalence() {
        let document = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"x","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
              "Resource":"arn:aws:lambda:eu-west-1:1:function:f","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:1:api/*/*"}}},
             {"Sid":"y","Effect":"Allow","Principal":"apigateway.amazonaws.com","Action":"lambda:InvokeFunction",
              "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:1:other/*/*"}}}]}
            """
        let statements = PolicyStatement.parse(policyDocument: document)
        let wanted = PermissionRequest(
            statementID: "new", principal: "apigateway.amazonaws.com", sourceARN: "arn:aws:execute-api:eu-west-1:1:api/*/*")
        #expect(statements.count == 2)
        #expect(statements.map { $0.grants(wanted) } == [true, false])
        #expect(PolicyStatement.parse(policyDocument: "not json").isEmpty)
    }
}

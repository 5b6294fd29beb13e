import Foundation
import Testing

/// Creates a role and a function: argv[1] function name. Prints the function ARN.
private let createFunction = """
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z: z.writestr("h.py", "def handler(e, c):\\n    return e\\n")
    iam = client("iam")
    try:
        role = iam.create_role(RoleName="lambdactl-routes-test", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName="lambdactl-routes-test")["Role"]["Arn"]
    fn = client("lambda").create_function(FunctionName=sys.argv[1], Runtime="python3.12", Handler="h.handler",
        Role=role, Code={"ZipFile": buffer.getvalue()})
    print(fn["FunctionArn"])
    """

/// Prints {"api": {...}, "routes": [...], "integrations": [...], "stages": [...], "policy": {...}} for API name argv[1].
private let describe = """
    gw = client("apigatewayv2")
    api = [a for a in gw.get_apis()["Items"] if a["Name"] == sys.argv[1]]
    out = {"apis": len(api)}
    if api:
        i = api[0]["ApiId"]
        out["apiId"] = i
        out["routes"] = sorted((r["RouteKey"], r.get("Target")) for r in gw.get_routes(ApiId=i)["Items"])
        out["integrations"] = [(x["IntegrationType"], x["IntegrationUri"], x.get("PayloadFormatVersion")) for x in gw.get_integrations(ApiId=i)["Items"]]
        out["stages"] = [(s["StageName"], s.get("AutoDeploy")) for s in gw.get_stages(ApiId=i)["Items"]]
    try:
        out["policy"] = json.loads(client("lambda").get_policy(FunctionName=sys.argv[2])["Policy"])
    except Exception:
        out["policy"] = None
    print(json.dumps(out))
    """

private func state(api: String, function: String) throws -> [String: Any] {
    let text = try LogsRoutesHarness.python(describe, arguments: [api, function])
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

extension LogsRoutesIntegration {
    @Suite("routes against moto")
    struct Routes {
        @Test("attach-routes creates the API, integration, routes, stage and permission; a rerun creates nothing")
        func attachAndRerun() throws {
            let function = LogsRoutesHarness.unique("fn")
            let api = LogsRoutesHarness.unique("api")
            let arn = try LogsRoutesHarness.python(createFunction, arguments: [function])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let arguments = ["attach-routes", function, "--api", api, "--route", "GET /items", "--route", "ANY /items/{proxy+}"]
            let first = try CommandRunner.run(arguments, environment: LogsRoutesHarness.commandEnvironment)
            #expect(first.exitCode == 0, "\(first.stderr)")
            let created = try state(api: api, function: function)
            let apiID = try #require(created["apiId"] as? String)
            #expect(first.stdout.contains("Invoke URL: https://\(apiID).execute-api."))
            let routes = created["routes"] as? [[Any]] ?? []
            #expect(routes.map { $0[0] as? String } == ["ANY /items/{proxy+}", "GET /items"])
            let integrations = created["integrations"] as? [[Any]] ?? []
            #expect(integrations.count == 1)
            #expect(integrations.first?[0] as? String == "AWS_PROXY")
            #expect(integrations.first?[1] as? String == arn)
            #expect(integrations.first?[2] as? String == "2.0")
            #expect((created["stages"] as? [[Any]])?.first?[0] as? String == "$default")
            #expect((created["stages"] as? [[Any]])?.first?[1] as? Bool == true)
            let policy = try #require(created["policy"] as? [String: Any])
            let statements = policy["Statement"] as? [[String: Any]] ?? []
            let condition = statements.first?["Condition"] as? [String: [String: String]]
            #expect(statements.count == 1)
            #expect(condition?["ArnLike"]?["AWS:SourceArn"] == "arn:aws:execute-api:\(LogsRoutesHarness.region):123456789012:\(apiID)/*/*")

            let logStart = try LogsRoutesHarness.proxyLog().count
            let second = try CommandRunner.run(arguments, environment: LogsRoutesHarness.commandEnvironment)
            let writes = try LogsRoutesHarness.proxyLog(since: logStart).filter {
                ($0["method"] as? String) != "GET" && ["apigateway", "lambda"].contains($0["service"] as? String ?? "")
            }
            #expect(second.exitCode == 0)
            #expect(second.stdout.contains("Nothing to change"))
            #expect(writes.isEmpty, "\(writes)")
            #expect(try state(api: api, function: function)["apis"] as? Int == 1)

            let detach = try CommandRunner.run(
                ["detach-routes", function, "--api", api, "--route", "GET /items", "--route", "ANY /items/{proxy+}"],
                environment: LogsRoutesHarness.commandEnvironment)
            let after = try state(api: api, function: function)
            #expect(detach.exitCode == 0, "\(detach.stderr)")
            #expect((after["routes"] as? [Any])?.isEmpty == true)
            #expect(after["policy"] is NSNull)
        }

        @Test("bad route keys fail with a usage error before any request is sent")
        func badRouteKeys() throws {
            let logStart = try LogsRoutesHarness.proxyLog().count
            for key in ["FETCH /x", "GET x", "GET /{proxy+}/x", "GET /a/"] {
                let result = try CommandRunner.run(
                    ["attach-routes", "any-function", "--api", "any", "--route", key],
                    environment: LogsRoutesHarness.commandEnvironment)
                #expect(result.exitCode == 2, "\(key)")
                #expect(result.stderr.contains("invalid route key"), "\(key)")
            }
            let sent = try LogsRoutesHarness.proxyLog(since: logStart).filter {
                ["apigateway", "lambda"].contains($0["service"] as? String ?? "")
            }
            #expect(sent.isEmpty)
        }
    }
}

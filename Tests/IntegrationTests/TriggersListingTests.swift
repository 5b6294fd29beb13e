import Foundation
import Testing

/// Creates a function with a published version and alias `live`, and adds a hand-made S3
/// permission without SourceAccount: argv[1] function name.
private let setUp = """
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z: z.writestr("h.py", "def handler(e, c):\\n    return e\\n")
    iam = client("iam")
    try:
        role = iam.create_role(RoleName="lambdactl-triggers-list-test", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName="lambdactl-triggers-list-test")["Role"]["Arn"]
    lam = client("lambda")
    lam.create_function(FunctionName=sys.argv[1], Runtime="python3.12", Handler="h.handler", Role=role,
        Code={"ZipFile": buffer.getvalue()})
    version = lam.publish_version(FunctionName=sys.argv[1])["Version"]
    lam.create_alias(FunctionName=sys.argv[1], Name="live", FunctionVersion=version)
    lam.add_permission(FunctionName=sys.argv[1], StatementId="handmade-s3", Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::some-bucket")
    """

@Suite("triggers NAME lists routes, function URLs and hand-made permissions", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct TriggersListingTests {
    static func lambdactl(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, environment: LogsRoutesHarness.commandEnvironment)
    }

    @Test("a route on the alias, a URL on the function and an S3 permission without SourceAccount, in text and JSON")
    func listsEverything() throws {
        let function = LogsRoutesHarness.unique("trl")
        let api = LogsRoutesHarness.unique("trl-api")
        try LogsRoutesHarness.python(setUp, arguments: [function])
        let routes = try Self.lambdactl(["attach-routes", function, "--api", api, "--route", "GET /items", "--qualifier", "live"])
        #expect(routes.exitCode == 0, "\(routes.stderr)")
        let url = try Self.lambdactl(["function-url", function, "--auth-type", "NONE"])
        #expect(url.exitCode == 0, "\(url.stderr)")

        let text = try Self.lambdactl(["triggers", function])
        #expect(text.exitCode == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(function): 3 ways in, 2 made by lambdactl", "\(text.stdout)")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("route ") && $0.contains("live") && $0.contains("GET /items") }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("url ") && $0.contains("$LATEST") }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("permission ") && $0.contains("some-bucket") && $0.contains("handmade-s3") })
        #expect(text.stdout.contains("warning=no SourceAccount"))
        #expect(!text.stdout.contains("lambdactl-apigateway-"), "the route explains the API's statement")
        #expect(!text.stdout.contains("lambdactl-url-public"), "the URL explains its statements")

        let json = try Self.lambdactl(["triggers", function, "--output", "json"])
        #expect(json.exitCode == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["function"] as? String == function && object["qualifier"] is NSNull)
        let triggers = try #require(object["triggers"] as? [[String: Any]])
        #expect(triggers.compactMap { $0["kind"] as? String } == ["route", "url", "permission"])
        let permission = try #require(triggers.last)
        #expect(permission["source"] as? String == "arn:aws:s3:::some-bucket" && permission["id"] as? String == "handmade-s3")
        #expect((permission["details"] as? [String: String])?["warning"] == "no SourceAccount")
        #expect((triggers[1]["source"] as? String)?.hasPrefix("https://") == true)

        let live = try Self.lambdactl(["triggers", function, "--qualifier", "live", "--output", "json"])
        #expect(live.exitCode == 0, "\(live.stderr)")
        let liveObject = try #require(try JSONSerialization.jsonObject(with: Data(live.stdout.utf8)) as? [String: Any])
        let liveTriggers = try #require(liveObject["triggers"] as? [[String: Any]])
        #expect(liveObject["qualifier"] as? String == "live")
        #expect(liveTriggers.compactMap { $0["kind"] as? String } == ["route"], "\(live.stdout)")
        #expect(liveTriggers.allSatisfy { $0["qualifier"] as? String == "live" })
    }

    @Test("a function or qualifier that does not exist is one line and exit code 4; nothing is written")
    func missing() throws {
        let absent = try Self.lambdactl(["triggers", LogsRoutesHarness.unique("nope")])
        #expect(absent.exitCode == 4 && absent.stdout.isEmpty && absent.stderr.contains("does not exist"), "\(absent.stderr)")
        let function = LogsRoutesHarness.unique("trl")
        try LogsRoutesHarness.python(setUp, arguments: [function])
        let ghost = try Self.lambdactl(["triggers", function, "--qualifier", "ghost"])
        #expect(ghost.exitCode == 4 && ghost.stderr.contains("no alias or version 'ghost'"), "\(ghost.stderr)")
    }
}

import Foundation
import Testing

/// `lambdactl init --from-sam` as a user runs it: SAM templates of the guides' shapes converted
/// with the built binary, the resources the templates define created as the notes say, then
/// the written files deployed against moto and what was deployed checked.
@Suite(
    "init --from-sam against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct InitFromSAMTests {
    let harness: Harness
    let directory: URL

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("init-sam-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A REST API function with a layer and an HttpApi catch-all route (sam init's hello world).
    static let hello = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 3
        Resources:
          HelloWorldFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samhello
              CodeUri: hello_world/
              Handler: app.lambda_handler
              Runtime: python3.12
              Layers: [!Ref DepsLayer]
              Events:
                HelloWorld:
                  Type: Api
                  Properties: {Path: /hello, Method: get}
                CatchAll:
                  Type: HttpApi
          DepsLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              LayerName: samhello-deps
              ContentUri: deps/
              CompatibleRuntimes: [python3.12]
        """

    /// A CRUD API on a table the template defines, with DynamoDBCrudPolicy.
    static let crud = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Items:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samcrud
              CodeUri: src/
              Handler: index.handler
              Runtime: nodejs22.x
              MemorySize: 256
              Environment: {Variables: {TABLE_NAME: !Ref ItemsTable}}
              Policies:
                - DynamoDBCrudPolicy: {TableName: !Ref ItemsTable}
              Events:
                List: {Type: HttpApi, Properties: {Path: /items, Method: GET, ApiId: !Ref ItemsApi}}
                Put: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: PUT, ApiId: !Ref ItemsApi}}
          ItemsApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              Name: samcrud-api
          ItemsTable:
            Type: AWS::Serverless::SimpleTable
            Properties: {TableName: samcrud-items}
        """

    /// Globals and Parameters over four functions: a scheduled job, a queue worker, an
    /// S3-triggered processor and a stream consumer (DynamoDB and Kinesis).
    static let workers = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: t1}
          Batch: {Type: Number, Default: 5}
        Globals:
          Function:
            Runtime: python3.12
            Handler: app.handler
            MemorySize: 256
            Environment: {Variables: {STAGE: !Ref Stage}}
        Resources:
          Nightly:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: !Sub "samnightly-${Stage}"
              CodeUri: src/
              Events:
                Run: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 day), Name: samnightly}}
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samworker
              CodeUri: src/
              Policies: [{SQSPollerPolicy: {QueueName: !GetAtt Jobs.QueueName}}]
              Events:
                Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn, BatchSize: !Ref Batch}}
          Thumbs:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samthumbs
              CodeUri: src/
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Uploads
                    Events: s3:ObjectCreated:*
                    Filter: {S3Key: {Rules: [{Name: prefix, Value: in/}]}}
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samreader
              CodeUri: src/
              Events:
                Changes: {Type: DynamoDB, Properties: {Stream: !GetAtt Events.StreamArn, StartingPosition: LATEST}}
                Clicks: {Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: TRIM_HORIZON}}
          Jobs: {Type: AWS::SQS::Queue, Properties: {QueueName: samjobs}}
          Uploads: {Type: AWS::S3::Bucket, Properties: {BucketName: samuploads}}
          Events: {Type: AWS::DynamoDB::Table, Properties: {TableName: samevents}}
          Clicks: {Type: AWS::Kinesis::Stream, Properties: {Name: samclicks}}
          WorkerErrors:
            Type: AWS::CloudWatch::Alarm
            Properties:
              Namespace: AWS/Lambda
              MetricName: Errors
              Statistic: Sum
              Threshold: 1
              ComparisonOperator: GreaterThanOrEqualToThreshold
              Period: 60
              EvaluationPeriods: 1
              Dimensions: [{Name: FunctionName, Value: !Ref Worker}]
        """

    /// Writes `template` and the code directories it names into a fresh directory.
    func project(_ name: String, _ template: String, code: [String]) throws -> URL {
        let root = directory.appendingPathComponent(name)
        for path in code {
            let folder = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "def handler(event, context):\n    return 1\n".write(to: folder.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        }
        try template.write(to: root.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    func lambdactl(_ arguments: [String], in folder: URL) throws -> CommandResult {
        var environment = harness.childEnvironment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["AWS_ACCOUNT_ID"] = "123456789012"
        return try CommandRunner.run(arguments, environment: environment, currentDirectory: folder)
    }

    func deploy(in folder: URL) throws -> CommandResult {
        try lambdactl(["deploy", "-f", "lambdactl.yml", "--endpoint-url", harness.endpoint.absoluteString], in: folder)
    }

    func aws(_ arguments: [String]) throws -> CommandResult {
        try AWSCLI.run(arguments + ["--region", harness.region, "--output", "json"], harness: harness)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(try aws(arguments).stdout.utf8))) as? [String: Any] ?? [:]
    }

    func items(_ arguments: [String], _ key: String) throws -> [[String: Any]] {
        try json(arguments)[key] as? [[String: Any]] ?? []
    }

    /// The route keys of the HTTP API named `name`.
    func routes(of name: String) throws -> Set<String> {
        let api = try #require(try items(["apigatewayv2", "get-apis"], "Items").first { $0["Name"] as? String == name }, "no API \(name)")
        let id = try #require(api["ApiId"] as? String)
        return Set(try items(["apigatewayv2", "get-routes", "--api-id", id], "Items").compactMap { $0["RouteKey"] as? String })
    }

    @Test("templates of the guides' shapes convert, deploy, and give the functions, layers, triggers and routes the template describes")
    func convertAndDeploy() throws {
        // REST API function with a layer and a catch-all route: everything converts (exit 0).
        let hello = try project("hello", Self.hello, code: ["hello_world", "deps/python"])
        let converted = try lambdactl(["init", "--from-sam", "template.yaml"], in: hello)
        #expect(converted.exitCode == 0, "\(converted.stdout)\n\(converted.stderr)")
        #expect(converted.stdout.hasPrefix("wrote lambdactl.yml: function samhello; layer(s) samhello-deps"), "\(converted.stdout)")
        #expect(converted.stderr.contains("template.yaml:16: note: REST API event HelloWorld converted to an HTTP API route"), "\(converted.stderr)")
        let first = try deploy(in: hello)
        try #require(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        let function = try json(["lambda", "get-function", "--function-name", "samhello"])["Configuration"] as? [String: Any]
        #expect(function?["Timeout"] as? Int == 3 && function?["Runtime"] as? String == "python3.12")
        let layers = (function?["Layers"] as? [[String: Any]] ?? []).compactMap { $0["Arn"] as? String }
        #expect(layers.count == 1 && layers[0].contains(":layer:samhello-deps:"), "\(layers)")
        #expect(try routes(of: "hello-api") == ["GET /hello", "$default"])
        #expect(try deploy(in: hello).stdout.contains("up to date"), "an unchanged rerun changes nothing")

        // CRUD API: the table needs a hand (exit 13); once it exists, the file deploys.
        let crud = try project("crud", Self.crud, code: ["src"])
        let crudInit = try lambdactl(["init", "--from-sam", "template.yaml", "-o", "lambdactl.yml"], in: crud)
        #expect(crudInit.exitCode == 13, "\(crudInit.stdout)\n\(crudInit.stderr)")
        #expect(crudInit.stderr.contains("template.yaml:21: needs a hand: AWS::Serverless::SimpleTable ItemsTable"), "\(crudInit.stderr)")
        let table = try aws([
            "dynamodb", "create-table", "--table-name", "samcrud-items", "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
        ])
        #expect(table.exitCode == 0, "\(table.stderr)")
        let crudDeploy = try deploy(in: crud)
        try #require(crudDeploy.exitCode == 0, "\(crudDeploy.stdout)\n\(crudDeploy.stderr)")
        #expect(try routes(of: "samcrud-api") == ["GET /items", "PUT /items/{id}"])
        let policy = try json(["iam", "get-role-policy", "--role-name", "lambdactl-samcrud-role", "--policy-name", "lambdactl-policy"])
        let document = String(describing: policy["PolicyDocument"] ?? "")
        #expect(document.contains("dynamodb:ConditionCheckItem") && document.contains("table/samcrud-items/index/*"), "\(document)")

        // Globals and Parameters over four functions: the app form, with every trigger.
        let workers = try project("workers", Self.workers, code: ["src"])
        let workersInit = try lambdactl(["init", "--from-sam", "template.yaml"], in: workers)
        #expect(workersInit.exitCode == 13, "the queue, bucket, table and stream need a hand: \(workersInit.stderr)")
        for line in ["47", "48", "49", "50"] { #expect(workersInit.stderr.contains("template.yaml:\(line): needs a hand:"), "\(workersInit.stderr)") }
        #expect(try aws(["sqs", "create-queue", "--queue-name", "samjobs"]).exitCode == 0)
        #expect(try aws(["s3api", "create-bucket", "--bucket", "samuploads"]).exitCode == 0)
        #expect(try aws(["kinesis", "create-stream", "--stream-name", "samclicks", "--shard-count", "1"]).exitCode == 0)
        #expect(try aws([
            "dynamodb", "create-table", "--table-name", "samevents", "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
            "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_IMAGE",
        ]).exitCode == 0)
        let workersDeploy = try deploy(in: workers)
        try #require(workersDeploy.exitCode == 0, "\(workersDeploy.stdout)\n\(workersDeploy.stderr)")
        let names = try items(["lambda", "list-functions"], "Functions").compactMap { $0["FunctionName"] as? String }
        #expect(Set(names).isSuperset(of: ["samnightly-t1", "samworker", "samthumbs", "samreader"]), "\(names)")
        let worker = try json(["lambda", "get-function", "--function-name", "samworker"])["Configuration"] as? [String: Any]
        #expect((worker?["Environment"] as? [String: Any])?["Variables"] as? [String: String] == ["STAGE": "t1"])
        #expect(worker?["MemorySize"] as? Int == 256)
        let mappings = try items(["lambda", "list-event-source-mappings"], "EventSourceMappings")
        let sources = mappings.compactMap { $0["EventSourceArn"] as? String }
        #expect(sources.contains { $0.hasSuffix(":samjobs") } && sources.contains { $0.contains(":stream/samclicks") }
            && sources.contains { $0.contains("table/samevents/stream/") }, "\(sources)")
        #expect(mappings.first { ($0["EventSourceArn"] as? String)?.hasSuffix(":samjobs") == true }?["BatchSize"] as? Int == 5)
        let schedules = try aws(["scheduler", "list-schedules", "--group-name", "lambdactl"])
        #expect(schedules.stdout.contains("samnightly"), "\(schedules.stdout)")
        let notifications = try json(["s3api", "get-bucket-notification-configuration", "--bucket", "samuploads"])
        let entries = notifications["LambdaFunctionConfigurations"] as? [[String: Any]] ?? []
        #expect(entries.count == 1 && String(describing: entries).contains("in/"), "\(notifications)")
        let alarms = try items(["cloudwatch", "describe-alarms"], "MetricAlarms").compactMap { $0["AlarmName"] as? String }
        #expect(alarms.contains("workers-samworker-workererrors"), "the template's alarm on Worker, as an alarms: entry: \(alarms)")
    }

    /// A function released by CodeDeploy in SAM: an alias, a canary, an alarm on its errors.
    static let canary = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Checkout:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: samcanary
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minutes
                Alarms: [!Ref CheckoutErrors]
          CheckoutErrors:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmName: samcanary-errors
              Namespace: AWS/Lambda
              MetricName: Errors
              Statistic: Sum
              Threshold: 1
              ComparisonOperator: GreaterThanOrEqualToThreshold
              Period: 60
              EvaluationPeriods: 1
              Dimensions: [{Name: FunctionName, Value: !Ref Checkout}]
        """

    @Test("DeploymentPreference becomes rollout: the converted file deploys, and its next release rolls out watching the alarm")
    func canaryRollout() throws {
        let folder = try project("canary", Self.canary, code: ["src"])
        let converted = try lambdactl(["init", "--from-sam", "template.yaml"], in: folder)
        #expect(converted.exitCode == 0, "\(converted.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("lambdactl.yml"), encoding: .utf8)
        #expect(written.contains("alias: live\nrollout:\n  steps: [10]\n  interval: 5m\n"), "\(written)")
        let first = try deploy(in: folder)
        #expect(first.exitCode == 0, "\(first.stderr)")
        try "def handler(event, context):\n    return 2\n".write(
            to: folder.appendingPathComponent("src/app.py"), atomically: true, encoding: .utf8)
        // The template's 5 minutes, shortened with --set for the test.
        let second = try lambdactl(
            ["deploy", "-f", "lambdactl.yml", "--set", "rollout.interval=1s", "--endpoint-url", harness.endpoint.absoluteString], in: folder)
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stderr.contains("samcanary:live: 10% on version 2, 90% on 1; watching for 1s"), "\(second.stderr)")
        #expect(second.stdout.contains("rollout samcanary:live → 2 (was 1; steps 10%, 100%"), "\(second.stdout)")
    }

    @Test("unsupported parts are listed with their lines (exit 13), an existing file is kept without --force, bad input is one line")
    func unsupportedAndWrongInput() throws {
        let template = """
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              IsProd: !Equals [a, b]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/code.zip
                  Handler: app.handler
                  Runtime: python3.12
              Ok:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: app.handler
                  Runtime: python3.12
                  MemorySize: !If [IsProd, 1024, 128]
                  Policies: [{RekognitionReadPolicy: {CollectionId: x}}]
              Img:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, ImageUri: repo/app:1}
            """
        let folder = try project("unsupported", template, code: ["src"])
        let result = try lambdactl(["init", "--from-sam", "template.yaml"], in: folder)
        #expect(result.exitCode == 13, "\(result.stderr)")
        for expected in [
            "template.yaml:2: needs a hand: Conditions", "template.yaml:8: needs a hand: function Fn CodeUri s3://bucket/code.zip",
            "template.yaml:17: needs a hand: MemorySize", "template.yaml:18: needs a hand: policy template RekognitionReadPolicy",
            "template.yaml:19: needs a hand: function Img is a container image",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)\n\(result.stderr)")
        }
        let written = try String(contentsOf: folder.appendingPathComponent("lambdactl.yml"), encoding: .utf8)
        #expect(written.contains("#   template.yaml:18: needs a hand: policy template RekognitionReadPolicy"), "\(written)")
        let again = try lambdactl(["init", "--from-sam", "template.yaml"], in: folder)
        #expect(again.exitCode == 2 && again.stderr.contains("lambdactl.yml already exists; init does not overwrite it: add --force"), "\(again.stderr)")
        #expect(try lambdactl(["init", "--from-sam", "template.yaml", "--force"], in: folder).exitCode == 13)

        try "Resources: [a,\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try lambdactl(["init", "--from-sam", "broken.yaml", "-o", "b.yml"], in: folder)
        #expect(broken.exitCode == 2 && broken.stderr.hasPrefix("lambdactl: error: broken.yaml:2:1: not valid YAML"), "\(broken.stderr)")
        let missing = try lambdactl(["init", "--from-sam", "nope.yaml", "-o", "b.yml"], in: folder)
        #expect(missing.exitCode == 9 && missing.stderr == "lambdactl: error: nope.yaml not found; give the SAM template's path (template.yaml)\n")
    }
}

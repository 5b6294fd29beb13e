import AWSCore
import Foundation
import Testing
@testable import Deployment

/// Converts templates and reads the result back with the deploy's own parser, so what is
/// written is what a deploy would read.
@Suite("init from SAM: templates converted to deploy files the deploy parser reads")
struct SAMConverterTests {
    static let environment = ["AWS_REGION": "us-east-1", "AWS_ACCOUNT_ID": "123456789012"]

    static func convert(_ text: String, file: String = "template.yaml") throws -> SAMConversion {
        var converter = try SAMConverter(text: text, file: file, appName: "shop")
        return try converter.convert()
    }

    static func parse(_ conversion: SAMConversion, environment: [String: String] = environment) throws -> DeployFile {
        try DeployConfigParser(path: "/work/app/lambdactl.yml", environment: environment).parseFile(conversion.yaml)
    }

    static func single(_ conversion: SAMConversion) throws -> DeployConfig {
        guard case .function(let config) = try parse(conversion) else { throw SAMTemplateError("expected the single-function form") }
        return config
    }

    @Test("a REST API function with a layer and an HttpApi catch-all: one function, its layer, both routes, a note on the REST event")
    func helloAPI() throws {
        let conversion = try Self.convert(SAMTemplates.helloAPI)
        #expect(!conversion.needsHand, "\(conversion.notes)")
        let config = try Self.single(conversion)
        #expect(config.function.name == "hello-world")
        #expect(config.function.runtime == "python3.12" && config.function.handler == "app.lambda_handler")
        #expect(config.function.code == "/work/app/hello_world")
        #expect(config.function.architecture == "arm64")
        #expect(config.function.layers == ["arn:aws:lambda:us-east-1:123456789012:layer:shared:3"])
        #expect(config.layers.map(\.name) == ["hello-deps"] && config.layers.first?.compatibleRuntimes == ["python3.12"])
        #expect(config.routes?.routes == ["GET /hello", "$default"])
        #expect(config.routes?.api == "shop-api")
        let rest = try #require(conversion.notes.first { $0.message.contains("REST API event HelloWorld") })
        #expect(rest.kind == .note && rest.line == 16)
    }

    @Test("a CRUD API: four routes and DynamoDBCrudPolicy expanded to SAM's statement on the table and its indexes")
    func crudAPI() throws {
        let conversion = try Self.convert(SAMTemplates.crudAPI)
        let config = try Self.single(conversion)
        #expect(config.routes?.routes == ["GET /items", "POST /items", "GET /items/{id}", "DELETE /items/{id}"])
        #expect(config.function.environment == ["TABLE_NAME": "items"])
        #expect(config.function.memory == 256)
        let statement = try #require(config.function.policies?.first)
        guard case .statement(let crud) = statement else { Issue.record("expected a statement"); return }
        #expect(crud.actions == SAMPolicyTemplates.all["DynamoDBCrudPolicy"]?.statements[0].actions)
        #expect(crud.actions.contains("dynamodb:ConditionCheckItem") && crud.actions.count == 10)
        #expect(crud.resources == ["arn:aws:dynamodb:us-east-1:123456789012:table/items", "arn:aws:dynamodb:us-east-1:123456789012:table/items/index/*"])
        // The table is listed: lambdactl does not make it.
        let table = try #require(conversion.notes.first { $0.kind == .needsHand })
        #expect(table.line == 22 && table.message.contains("create table items"))
    }

    @Test("a policy statement's region and account stay wildcards until AWS_REGION and AWS_ACCOUNT_ID are set")
    func policyWildcards() throws {
        let conversion = try Self.convert(SAMTemplates.crudAPI)
        guard case .function(let config) = try Self.parse(conversion, environment: [:]),
            case .statement(let crud)? = config.function.policies?.first
        else { Issue.record("expected a statement"); return }
        #expect(crud.resources.first == "arn:aws:dynamodb:*:*:table/items")
    }

    @Test("Globals and Parameters: globals merged under each function, parameters as ${NAME:-default}, the app form for two functions")
    func globalsAndParameters() throws {
        let conversion = try Self.convert(SAMTemplates.jobsApp)
        #expect(conversion.isApp && conversion.functions == ["NightlyJob", "orders-worker-${Stage:-dev}"])
        guard case .app(let app) = try Self.parse(conversion) else { Issue.record("expected the app form"); return }
        #expect(app.functions.map(\.key) == ["NightlyJob", "Worker"])
        let nightly = app.functions[0].config, worker = app.functions[1].config
        #expect(nightly.function.runtime == "python3.12" && nightly.function.memory == 256 && nightly.function.timeout == 30)
        #expect(nightly.function.environment == ["STAGE": "dev"])
        #expect(worker.function.name == "orders-worker-dev" && worker.function.timeout == 60)
        #expect(worker.function.environment == ["STAGE": "dev", "MODE": "worker"])
        guard case .schedule(let schedule)? = nightly.triggers?.first?.spec else { Issue.record("expected a schedule"); return }
        #expect(schedule.expression == "cron(0 2 * * ? *)" && schedule.timezone == "Europe/Berlin" && schedule.name == "nightly-job")
        guard case .mapping(let queue)? = worker.triggers?.first?.spec else { Issue.record("expected an SQS trigger"); return }
        #expect(queue.kind == .sqs && queue.source == "orders" && queue.options.batchSize == 5)
        #expect(queue.options.reportBatchFailures == true)
        // STAGE=prod gives what the template gives with Stage=prod.
        guard case .app(let prod) = try Self.parse(conversion, environment: Self.environment.merging(["Stage": "prod"]) { $1 }) else { return }
        #expect(prod.functions[1].config.function.name == "orders-worker-prod")
        #expect(conversion.yaml.contains("defaults:"), "shared settings go to defaults:\n\(conversion.yaml)")
    }

    @Test("S3, DynamoDB and Kinesis events become triggers; DeploymentPreference the app's rollout")
    func processorsAndRollout() throws {
        let conversion = try Self.convert(SAMTemplates.processors)
        #expect(conversion.yaml.contains("\nrollout:\n  steps: [10]\n  interval: 5m\n  alarms: [reader-errors]"), "\(conversion.yaml)")
        let parsed = try DeployConfigParser(path: "/w/lambdactl.yml", environment: Self.environment).parseFile(conversion.yaml)
        guard case .app(let app) = parsed else { Issue.record("expected the app form"); return }
        #expect(app.functions.allSatisfy { $0.config.rollout == RolloutSpec(steps: [10], interval: "5m", alarms: ["reader-errors"]) })
        guard case .s3(let s3)? = app.functions[0].config.triggers?.first?.spec else { Issue.record("expected S3"); return }
        #expect(s3.bucket == "uploads-bucket" && s3.events == ["s3:ObjectCreated:*"] && s3.prefix == "in/" && s3.suffix == ".jpg")
        let reader = app.functions[1].config
        guard case .mapping(let table)? = reader.triggers?.first?.spec, case .mapping(let stream)? = reader.triggers?.last?.spec else {
            Issue.record("expected two mappings")
            return
        }
        #expect(table.kind == .dynamodb && table.source == "events" && table.options.startingPosition == "trim-horizon")
        #expect(stream.kind == .kinesis && stream.source == "arn:aws:kinesis:us-east-1:123456789012:stream/clicks")
        #expect(reader.alias == "live")
    }

    @Test(
        "SAM's deployment types become rollout steps and intervals",
        arguments: [
            ("Canary10Percent5Minutes", [10], 5), ("Canary10Percent30Minutes", [10], 30),
            ("Linear10PercentEvery1Minute", [10, 20, 30, 40, 50, 60, 70, 80, 90], 1),
            ("Linear10PercentEvery10Minutes", [10, 20, 30, 40, 50, 60, 70, 80, 90], 10), ("AllAtOnce", [], 0),
        ])
    func rolloutSteps(type: String, steps: [Int], minutes: Int) throws {
        let parsed = try #require(SAMConverter.rolloutSteps(type))
        #expect(parsed.steps == steps && parsed.minutes == minutes)
    }

    @Test("what lambdactl cannot express is listed with its template line, and the rest still converts")
    func unsupportedParts() throws {
        let conversion = try Self.convert(SAMTemplates.unsupported)
        #expect(conversion.needsHand)
        let hands = conversion.notes.filter { $0.kind == .needsHand }
        func line(_ fragment: String) -> Int? { hands.first { $0.message.contains(fragment) }?.line }
        #expect(line("Conditions") == 2)
        #expect(line("MemorySize") == 11)
        #expect(line("KmsKeyArn") == 12)
        #expect(line("RekognitionReadPolicy") == 14)
        #expect(line("Auth") == 21)
        #expect(line("s3://my-bucket/code.zip") == 25)
        #expect(line("container image") == 28)
        #expect(conversion.functions == ["Api"], "the S3 and image functions are left out")
        // Every problem is also a comment of the file.
        for hand in hands { #expect(conversion.yaml.contains("# " + "  " + hand.text(file: "template.yaml")) || conversion.yaml.contains(hand.message)) }
        _ = try Self.parse(conversion)
    }

    @Test("a YAML syntax error is one line with file, line and column; a file without SAM resources is refused")
    func wrongInput() {
        #expect(throws: SAMTemplateError("t.yaml:3:1: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1)")) {
            try SAMConverter(text: "a: [1,\n b: 2\n", file: "t.yaml")
        }
        #expect(throws: SAMTemplateError("t.yaml: not a SAM template: it has no Resources: section")) {
            try SAMConverter(text: "function: {name: x}\n", file: "t.yaml")
        }
        #expect(throws: SAMTemplateError("t.yaml: not a SAM template: no Transform: AWS::Serverless-2016-10-31 and no AWS::Serverless::* resource")) {
            try SAMConverter(text: "Resources:\n  Q: {Type: AWS::SQS::Queue}\n", file: "t.yaml")
        }
    }

    @Test("a literal ${ in a value is written as $${, so the deploy reads it back unchanged")
    func literalDollarBrace() throws {
        let text = SAMTemplates.crudAPI.replacingOccurrences(of: "TABLE_NAME: !Ref ItemsTable", with: "TABLE_NAME: 'x-${y}'")
        let config = try Self.single(try Self.convert(text))
        #expect(config.function.environment == ["TABLE_NAME": "x-${y}"])
    }

    @Test("a JSON template with the long forms: Fn::GetAtt to an ARN, Fn::Sub with variables, Ref of a queue as its URL")
    func jsonLongForms() throws {
        let text = """
            {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
              "Fn": {"Type": "AWS::Serverless::Function", "Properties": {
                "FunctionName": "fn", "CodeUri": "src", "Handler": "a.b", "Runtime": "nodejs22.x",
                "DeadLetterQueue": {"Type": "SQS", "TargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}},
                "Environment": {"Variables": {"URL": {"Fn::Sub": ["https://${Host}/x", {"Host": "example.com"}]}, "Q": {"Ref": "Dlq"}}}}},
              "Dlq": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fn-dlq"}}}}
            """
        let config = try Self.single(try Self.convert(text))
        #expect(config.function.environment == ["URL": "https://example.com/x", "Q": "https://sqs.us-east-1.amazonaws.com/123456789012/fn-dlq"])
        #expect(config.function.settings.input.deadLetter == "arn:aws:sqs:us-east-1:123456789012:fn-dlq")
    }

    @Test("Globals.HttpApi's CORS origins reach the implicit API's routes")
    func globalCORS() throws {
        let text = SAMTemplates.helloAPI.replacingOccurrences(
            of: "Resources:\n", with: "Globals:\n  HttpApi:\n    CorsConfiguration:\n      AllowOrigins: [https://example.com]\nResources:\n")
        let config = try Self.single(try Self.convert(text))
        #expect(config.routes?.corsOrigins == ["https://example.com"])
    }

    @Test("DeploymentPreference before AutoPublishAlias converts; without an alias it needs a hand; AllAtOnce writes no rollout")
    func rolloutForms() throws {
        func convert(_ preference: String, alias: Bool) throws -> SAMConversion {
            let text = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      DeploymentPreference: {Type: \(preference)}
                      CodeUri: src/
                      Handler: app.handler
                      Runtime: python3.12
                \(alias ? "      AutoPublishAlias: live\n" : "")
                """
            return try Self.convert(text)
        }
        let linear = try convert("Linear10PercentEvery2Minutes", alias: true)
        #expect(!linear.needsHand && linear.yaml.contains("\nrollout:\n  steps: [10, 20, 30, 40, 50, 60, 70, 80, 90]\n  interval: 2m"), "\(linear.yaml)")
        #expect(try Self.single(linear).rollout?.schedule?.weights.count == 10)
        #expect(linear.yaml.contains("alias: live"))
        let noAlias = try convert("Canary10Percent5Minutes", alias: false)
        #expect(noAlias.notes.contains { $0.kind == .needsHand && $0.line == 6 && $0.message.contains("AutoPublishAlias") })
        let atOnce = try convert("AllAtOnce", alias: true)
        #expect(!atOnce.yaml.contains("\nrollout:") && !atOnce.needsHand)
        _ = try Self.single(atOnce)
    }

    @Test("a single function with routes on two APIs keeps the first API and lists the other route with its line")
    func twoAPIsInTheSingleForm() throws {
        let text = SAMTemplates.crudAPI.replacingOccurrences(
            of: "Delete: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: DELETE}}",
            with: "Delete: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: DELETE, ApiId: !Ref Admin}}\n  Admin:\n    Type: AWS::Serverless::HttpApi")
        let conversion = try Self.convert(text)
        let config = try Self.single(conversion)
        #expect(config.routes?.routes == ["GET /items", "POST /items", "GET /items/{id}"])
        #expect(conversion.notes.contains { $0.kind == .needsHand && $0.line == 21 && $0.message.contains("second API (Admin)") })
    }

    @Test("a CloudWatch alarm on a function's AWS/Lambda metric becomes its alarms: entry, and the rollout names it as the deploy will")
    func lambdaAlarm() throws {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: checkout
                  CodeUri: src/
                  Handler: app.handler
                  Runtime: python3.12
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent10Minutes
                    Alarms: [!Ref LiveErrors]
              LiveErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: live-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  Period: 60
                  EvaluationPeriods: 2
                  Dimensions:
                    - {Name: FunctionName, Value: !Ref Fn}
                    - {Name: Resource, Value: !Sub "${Fn}:live"}
            """
        let conversion = try Self.convert(text)
        #expect(!conversion.needsHand, "\(conversion.notes)")
        #expect(conversion.yaml.contains("\nrollout:\n  steps: [10]\n  interval: 10m\n  alarms: [checkout-live-live-errors]"), "\(conversion.yaml)")
        let config = try DeployConfigParser(path: "/w/lambdactl.yml", environment: [:]).parse(conversion.yaml)
        #expect(config.rollout?.alarmNames(entries: config.alarms ?? [], base: "checkout") == ["checkout-live-live-errors"])
        let alarm = try #require(config.alarms?.first)
        #expect(alarm.alarmName(function: "checkout") == "checkout-live-live-errors")
        #expect(alarm.metric == "Errors" && alarm.threshold == 1 && alarm.period == 60 && alarm.evaluationPeriods == 2 && alarm.qualifier == "live")
    }
}

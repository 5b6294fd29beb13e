import AWSCloudWatch
import AWSLambda
import Foundation
import Testing
@testable import Deployment

@Suite("init: deployed functions as deploy-file text")
struct InitConfigTextTests {
    static let arn = "arn:aws:lambda:us-east-1:123456789012:function"

    static func function(_ name: String = "orders", variables: [String: String] = ["STAGE": "prod", "GREETING": " hi "]) -> DeployedFunction {
        var c = FunctionConfiguration(
            functionName: name, functionARN: "\(arn):\(name)", runtime: "python3.12",
            role: "arn:aws:iam::123456789012:role/custom-role", handler: "app.handler", description: "Orders: the API",
            timeout: 30, memorySize: 512, environment: EnvironmentResponse(variables: variables),
            layers: [LayerReference(arn: "arn:aws:lambda:us-east-1:123456789012:layer:deps:3")], architectures: ["arm64"])
        c.tracingConfig = TracingConfig(mode: "Active")
        c.ephemeralStorage = EphemeralStorage(size: 1024)
        c.deadLetterConfig = DeadLetterConfig(targetARN: "arn:aws:sqs:us-east-1:123456789012:dlq")
        var deployed = DeployedFunction(
            configuration: c, tags: ["team": "shop", "lambdactl:function": name], reservedConcurrency: 5,
            aliases: [AliasConfiguration(name: "live", functionVersion: "3")], provisionedConcurrency: 2,
            asyncConfig: EventInvokeConfig(maximumRetryAttempts: 1, maximumEventAgeInSeconds: 3600),
            url: FunctionURLConfig(authType: "NONE", cors: CORS(allowOrigins: ["https://shop.example.com"])))
        deployed.triggers = [
            TriggerListing(kind: "sqs", qualifier: "live", source: "arn:aws:sqs:us-east-1:123456789012:orders", id: "u-1", owned: true),
            TriggerListing(
                kind: "schedule", qualifier: "live", source: "rate(5 minutes)",
                id: "lambdactl-\(name)-schedule-0123456789ab", owned: true, details: ["timezone": "Europe/Berlin"]),
            TriggerListing(kind: "sns", qualifier: nil, source: "arn:aws:sns:us-east-1:123456789012:alerts", id: "sub-1", owned: true),
            TriggerListing(kind: "kinesis", qualifier: nil, source: "arn:aws:kinesis:us-east-1:123456789012:stream/s", id: "u-2", owned: false),
            TriggerListing(kind: "route", qualifier: "live", source: "GET /orders a1b2", id: "r1", owned: true, details: ["api": "shop-api"]),
        ]
        deployed.mappings["u-1"] = EventSourceMapping(
            uuid: "u-1", eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:orders",
            settings: EventSourceMappingSettings(
                batchSize: 20, maximumBatchingWindowInSeconds: 5, functionResponseTypes: ["ReportBatchItemFailures"],
                filterCriteria: FilterCriteria(patterns: [#"{"body":{"type":["order"]}}"#])))
        deployed.filterPolicies["sub-1"] = #"{"severity":["high"]}"#
        let owned = AlarmEntry.shorthand("errors", location: "")!.definition(function: name, topicARNs: [])
        let slow = AlarmEntry(metric: "Duration", statistic: "p99", threshold: 1500, comparison: "GreaterThanThreshold", period: 300,
                              evaluationPeriods: 3, qualifier: "live", name: "slow").definition(function: name, topicARNs: [])
        let foreign = AlarmDefinition(
            name: "by-hand", namespace: "AWS/Lambda", metricName: "Errors", dimensions: [], statistic: "Sum", period: 60,
            evaluationPeriods: 1, threshold: 1, comparisonOperator: "GreaterThanThreshold")
        deployed.alarms = [(MetricAlarm(definition: owned, state: "OK"), true), (MetricAlarm(definition: slow, state: "OK"), true),
                           (MetricAlarm(definition: foreign, state: "OK"), false)]
        return deployed
    }

    static func parse(_ text: String) throws -> DeployFile {
        try DeployConfigParser(path: "/work/lambdactl.yml", environment: [:]).parseFile(text)
    }

    @Test("one function gives a single-function file the deploy parser reads back as the same settings")
    func singleFunction() throws {
        let rendered = InitConfigText(app: nil, codePaths: ["orders": "./src/orders"], placeholders: ["orders"]).render([Self.function()])
        guard case .function(let config) = try Self.parse(rendered.config) else { Issue.record("not the single-function form"); return }
        let f = config.function
        #expect(f.name == "orders" && f.runtime == "python3.12" && f.handler == "app.handler")
        #expect(f.code == "/work/src/orders" && f.role == "arn:aws:iam::123456789012:role/custom-role")
        #expect(f.memory == 512 && f.timeout == 30 && f.architecture == "arm64" && f.description == "Orders: the API")
        #expect(f.environment == nil && f.envFile == "/work/lambdactl.env")
        #expect(f.layers == ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"])
        #expect(f.tags == ["team": "shop"])
        #expect(config.alias == "live")
        #expect(config.routes == RoutesSpec(api: "shop-api", routes: ["GET /orders"]))
        #expect(rendered.config.contains("reserved_concurrency: 5") && rendered.config.contains("provisioned_concurrency: 2"))
        #expect(rendered.config.contains("tracing: active") && rendered.config.contains("ephemeral_storage: 1024"))
        let triggers = try #require(config.triggers)
        #expect(triggers.count == 3)
        guard case .mapping(let sqs) = triggers[0].spec else { Issue.record("first trigger is not the queue"); return }
        #expect(sqs.options.batchSize == 20 && sqs.options.batchWindowSeconds == 5 && sqs.options.reportBatchFailures == true)
        #expect(sqs.options.filters == [#"{"body":{"type":["order"]}}"#] && triggers[0].qualifier == nil)
        #expect(triggers[1].spec == .schedule(ScheduleTriggerSpec(expression: "rate(5 minutes)", timezone: "Europe/Berlin")))
        #expect(triggers[2].spec == .sns(SNSTriggerSpec(topic: "arn:aws:sns:us-east-1:123456789012:alerts", filterPolicy: #"{"severity":["high"]}"#)))
        #expect(triggers[2].target(function: "orders", alias: "live").qualifier == nil, "an unqualified trigger stays unqualified under alias: live")
        let alarms = try #require(config.alarms)
        #expect(alarms.map { $0.alarmName(function: "orders") } == ["orders-errors-sum", "orders-live-slow"])
        #expect(alarms[1].statistic == "p99" && alarms[1].period == 300 && alarms[1].evaluationPeriods == 3)
        #expect(rendered.notes.contains { $0.contains("kinesis trigger") && $0.contains("not made by lambdactl") })
        #expect(rendered.notes.contains { $0.contains("alarm by-hand") })
        #expect(rendered.notes.contains { $0.contains("placeholder") })
    }

    @Test("environment values go to the env file, quoted where the reader would trim them, never into the YAML")
    func environment() throws {
        let rendered = InitConfigText(app: nil, codePaths: [:], placeholders: []).render([Self.function()])
        #expect(!rendered.config.contains("prod") && !rendered.config.contains("GREETING"))
        let env = try #require(rendered.envFiles.first)
        #expect(env.path == "lambdactl.env" && env.secret)
        #expect(try EnvironmentInput.parse(file: env.contents, path: env.path) == ["STAGE": "prod", "GREETING": " hi "])
        let multiline = InitConfigText(app: nil, codePaths: [:], placeholders: []).render([Self.function(variables: ["PEM": "a\nb"])])
        #expect(multiline.notes.contains { $0.contains("PEM") && $0.contains("line break") })
    }

    @Test("several functions give the app form with one alias, the routes under apis and an env file each")
    func appForm() throws {
        var users = Self.function("users")
        users.triggers[4].source = "GET /users a1b2"
        let rendered = InitConfigText(app: "shop", codePaths: [:], placeholders: []).render([Self.function("orders"), users])
        guard case .app(let app) = try Self.parse(rendered.config) else { Issue.record("not the app form"); return }
        #expect(app.ownership.app == "shop")
        #expect(app.functions.map(\.name) == ["orders", "users"])
        #expect(app.functions.map(\.config.function.envFile) == ["/work/lambdactl.orders.env", "/work/lambdactl.users.env"])
        #expect(app.functions[0].config.alias == "live")
        #expect(rendered.envFiles.map(\.path) == ["lambdactl.orders.env", "lambdactl.users.env"])
        #expect(rendered.config.contains("apis:\n  shop-api:\n    routes:\n      \"GET /orders\": orders\n      \"GET /users\": users\n"))
        #expect(rendered.notes.contains { $0.contains("alarm orders-errors-sum") }, "single-form alarm names do not follow the app's naming")
    }

    @Test("the role lambdactl would pick anyway is left out; another role is written")
    func roles() {
        let single = InitConfigText(app: nil, codePaths: [:], placeholders: [])
        var app = InitConfigText(app: "shop", codePaths: [:], placeholders: [])
        let arn = "arn:aws:lambda:us-east-1:1:function:orders"
        #expect(single.isLambdactlRole("arn:aws:iam::1:role/lambdactl-orders-role", function: "orders", functionARN: arn))
        #expect(app.isLambdactlRole("arn:aws:iam::1:role/lambdactl-app-shop-us-east-1", function: "orders", functionARN: arn))
        #expect(!app.isLambdactlRole("arn:aws:iam::1:role/lambdactl-app-shop-dev-us-east-1", function: "orders", functionARN: arn))
        app.stage = "dev"
        #expect(app.isLambdactlRole("arn:aws:iam::1:role/lambdactl-app-shop-dev-us-east-1", function: "orders-dev", functionARN: arn))
        #expect(!app.isLambdactlRole("arn:aws:iam::1:role/custom", function: "orders", functionARN: arn))
    }

    @Test("functions an app deployed with a stage give stage: and keys without the suffix")
    func stage() throws {
        var users = Self.function("users-dev", variables: [:])
        var orders = Self.function("orders-dev", variables: [:])
        for index in [0, 1] {
            var function = index == 0 ? users : orders
            function.tags = ["lambdactl:app": "shop", "lambdactl:stage": "dev"]
            function.triggers = []
            function.alarms = []
            if index == 0 { users = function } else { orders = function }
        }
        let rendered = InitConfigText(app: "shop", codePaths: [:], placeholders: []).render([users, orders])
        guard case .app(let app) = try Self.parse(rendered.config) else { Issue.record("not the app form"); return }
        #expect(app.ownership.stage == "dev")
        #expect(app.functions.map(\.key) == ["users", "orders"] && app.functions.map(\.name) == ["users-dev", "orders-dev"])
    }

    @Test("stream mappings, S3 notifications and rules become entries the deploy parser reads back")
    func otherTriggers() throws {
        var deployed = DeployedFunction(configuration: FunctionConfiguration(functionName: "stream", runtime: "python3.12", handler: "app.handler"))
        deployed.triggers = [
            TriggerListing(kind: "dynamodb", qualifier: nil, source: "arn:aws:dynamodb:us-east-1:1:table/Users/stream/2026", id: "m1", owned: true),
            TriggerListing(
                kind: "s3", qualifier: nil, source: "arn:aws:s3:::uploads", id: "lambdactl-stream-s3-0123456789ab", owned: true,
                details: ["events": "s3:ObjectCreated:Put,s3:ObjectRemoved:*", "prefix": "in/", "suffix": ".jpg"]),
            TriggerListing(
                kind: "rule", qualifier: nil, source: "arn:aws:events:us-east-1:1:rule/ec2-changes", id: "ec2-changes", owned: true,
                details: ["pattern": #"{"source":["aws.ec2"]}"#, "bus": "default"]),
        ]
        var mapping = EventSourceMapping(
            uuid: "m1", eventSourceARN: "arn:aws:dynamodb:us-east-1:1:table/Users/stream/2026",
            settings: EventSourceMappingSettings(
                batchSize: 100, parallelizationFactor: 2, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3,
                maximumRecordAgeInSeconds: -1,
                destinationConfig: DestinationConfig(onFailure: Destination("arn:aws:sqs:us-east-1:1:failed"))))
        mapping.startingPosition = "TRIM_HORIZON"
        deployed.mappings["m1"] = mapping
        let rendered = InitConfigText(app: nil, codePaths: [:], placeholders: []).render([deployed])
        guard case .function(let config) = try Self.parse(rendered.config) else { Issue.record("not the single-function form"); return }
        let triggers = try #require(config.triggers)
        guard case .mapping(let stream) = triggers[0].spec else { Issue.record("\(rendered.config)"); return }
        #expect(stream.kind == .dynamodb && stream.source == "Users")
        #expect(stream.options.startingPosition == "trim-horizon" && stream.options.parallelization == 2)
        #expect(stream.options.bisectOnError == true && stream.options.maxRetries == 3 && stream.options.maxRecordAgeSeconds == nil)
        #expect(stream.options.onFailure == "arn:aws:sqs:us-east-1:1:failed")
        #expect(triggers[1].spec == .s3(S3TriggerSpec(bucket: "uploads", events: ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"], prefix: "in/", suffix: ".jpg")))
        #expect(triggers[2].spec == .rule(RuleTriggerSpec(pattern: #"{"source":["aws.ec2"]}"#, name: "ec2-changes")))
    }

    @Test("scalars that YAML would read as something else are quoted")
    func scalars() {
        #expect(YAMLText.scalar("hello") == "hello")
        #expect(YAMLText.scalar("arn:aws:sqs:us-east-1:1:q") == "arn:aws:sqs:us-east-1:1:q")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("10") == "\"10\"")
        #expect(YAMLText.scalar("a: b") == "\"a: b\"")
        #expect(YAMLText.scalar("#x") == "\"#x\"")
        #expect(YAMLText.scalar("") == "\"\"")
    }
}

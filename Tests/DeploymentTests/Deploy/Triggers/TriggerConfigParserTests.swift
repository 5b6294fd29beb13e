import Foundation
import Testing
@testable import Deployment

@Suite("Deploy config: function.triggers parsing")
struct TriggerConfigParserTests {
    static let head = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: hello.zip

        """

    func parse(_ triggers: String, env: [String: String] = [:], set: [String] = []) throws -> DeployConfig {
        try DeployConfigParser(path: "/p/lambdactl.yml", environment: env, overrides: ConfigOverrides(option: "--set", set))
            .parse(Self.head + triggers)
    }

    func refusal(_ triggers: String) -> String? {
        do {
            _ = try parse(triggers)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test("the key absent leaves triggers alone (nil); [] and null ask for none")
    func semantics() throws {
        #expect(try parse("").triggers == nil)
        #expect(try parse("  triggers: []\n").triggers == [])
        #expect(try parse("  triggers: null\n").triggers == [])
        #expect(try parse("  triggers:\n").triggers == [])
    }

    @Test("every kind and every option is read, durations in seconds, JSON as text")
    func everyKindAndOption() throws {
        let config = try parse(
            """
              triggers:
                - sqs: orders
                  batch_size: 20
                  batch_window: 5s
                  max_concurrency: 5
                  report_batch_failures: true
                  filters: ['{"body": {"type": ["order"]}}', {body: {size: [1]}}]
                  disabled: true
                  qualifier: blue
                - dynamodb: Users
                  starting_position: trim-horizon
                  batch_size: 100
                  batch_window: 1m
                  parallelization: 2
                  bisect_on_error: true
                  max_retries: 3
                  max_record_age: 1h
                  on_failure: arn:aws:sqs:us-east-1:123456789012:stream-failures
                  report_batch_failures: false
                  filters: []
                - kinesis: clicks
                  max_record_age: -1
                - s3: uploads
                  events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]
                  prefix: uploads/
                  suffix: .jpg
                - schedule: cron(0 2 * * ? *)
                  timezone: Europe/Berlin
                  input: {job: nightly, n: 1}
                  name: nightly
                - event_pattern: {source: [aws.ec2], detail-type: [EC2 Instance State-change Notification]}
                  event_bus: ops
                  name: ec2-state
                - event_pattern: '{"source": ["aws.s3"]}'
                - sns: alerts
                  filter_policy: '{"severity": ["high"]}'

            """)
        let entries = try #require(config.triggers)
        #expect(entries.map(\.location) == [7, 15, 26, 28, 32, 36, 39, 40].map { "/p/lambdactl.yml:\($0)" })
        #expect(entries.count == 8)
        #expect(entries[0].qualifier == "blue")
        #expect(
            entries[0].spec == .mapping(
                MappingTriggerSpec(
                    kind: .sqs, source: "orders",
                    options: MappingOptions(
                        batchSize: 20, batchWindowSeconds: 5, maxConcurrency: 5, reportBatchFailures: true,
                        filters: [#"{"body": {"type": ["order"]}}"#, #"{"body":{"size":[1]}}"#], disabled: true))))
        #expect(
            entries[1].spec == .mapping(
                MappingTriggerSpec(
                    kind: .dynamodb, source: "Users",
                    options: MappingOptions(
                        batchSize: 100, batchWindowSeconds: 60, startingPosition: "trim-horizon", parallelization: 2,
                        bisectOnError: true, maxRetries: 3, maxRecordAgeSeconds: 3600,
                        onFailure: "arn:aws:sqs:us-east-1:123456789012:stream-failures", reportBatchFailures: false))))
        #expect(entries[2].spec == .mapping(MappingTriggerSpec(kind: .kinesis, source: "clicks", options: MappingOptions(maxRecordAgeSeconds: -1))))
        #expect(
            entries[3].spec == .s3(S3TriggerSpec(bucket: "uploads", events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"], prefix: "uploads/", suffix: ".jpg")))
        #expect(
            entries[4].spec == .schedule(
                ScheduleTriggerSpec(expression: "cron(0 2 * * ? *)", timezone: "Europe/Berlin", input: #"{"job":"nightly","n":1}"#, name: "nightly")))
        #expect(
            entries[5].spec == .rule(
                RuleTriggerSpec(
                    pattern: #"{"detail-type":["EC2 Instance State-change Notification"],"source":["aws.ec2"]}"#, bus: "ops",
                    name: "ec2-state")))
        #expect(entries[6].spec == .rule(RuleTriggerSpec(pattern: #"{"source": ["aws.s3"]}"#)))
        #expect(entries[7].spec == .sns(SNSTriggerSpec(topic: "alerts", filterPolicy: #"{"severity": ["high"]}"#)))
    }

    @Test("a single event is a list of one, and ${VAR} is expanded in sources and options")
    func expansionAndSingleEvent() throws {
        let config = try parse(
            """
              triggers:
                - s3: ${BUCKET}
                  events: s3:ObjectCreated:Put
                - sqs: orders-${STAGE}
                  batch_size: ${SIZE}

            """, env: ["BUCKET": "up", "STAGE": "prod", "SIZE": "7"])
        #expect(config.triggers?[0].spec == .s3(S3TriggerSpec(bucket: "up", events: ["s3:ObjectCreated:Put"])))
        #expect(config.triggers?[1].spec == .mapping(MappingTriggerSpec(kind: .sqs, source: "orders-prod", options: MappingOptions(batchSize: 7))))
    }

    @Test(
        "each wrong entry is refused with its file:line and what to write instead",
        arguments: [
            ("  triggers: {sqs: orders}\n", "lambdactl.yml:6: function.triggers should be a list"),
            ("  triggers:\n    - orders\n", "lambdactl.yml:7: a trigger should be a mapping whose first key names the source"),
            ("  triggers:\n    - queue: orders\n", "lambdactl.yml:7: a trigger starts with one of sqs, kinesis, dynamodb, s3, schedule, event_pattern, sns, not \"queue\""),
            ("  triggers:\n    - batch_size: 2\n      sqs: orders\n", "lambdactl.yml:7: a trigger starts with one of"),
            ("  triggers:\n    - sqs: orders\n      batch_sise: 2\n", "lambdactl.yml:8: unknown key \"batch_sise\" in a sqs trigger; expected one of: batch_size,"),
            ("  triggers:\n    - sqs: orders\n      prefix: a/\n", "lambdactl.yml:8: prefix is an option of s3 triggers, not of sqs ones; leave it out"),
            ("  triggers:\n    - sqs: orders\n      starting_position: latest\n", "lambdactl.yml:8: starting_position is an option of"),
            ("  triggers:\n    - sqs: orders\n      sns: alerts\n", "lambdactl.yml:8: a trigger has one source; \"sns\" starts another entry"),
            ("  triggers:\n    - sqs: orders\n      batch_size: ten\n", "lambdactl.yml:8: batch_size should be a whole number, e.g. batch_size: 10, not ten"),
            ("  triggers:\n    - sqs: orders\n      batch_size: [1]\n", "lambdactl.yml:8: batch_size should be a whole number"),
            ("  triggers:\n    - sqs: orders\n      disabled: maybe\n", "lambdactl.yml:8: disabled should be true or false, not maybe"),
            ("  triggers:\n    - sqs: orders\n      batch_window: soon\n", "lambdactl.yml:8: batch_window should be a duration like 5s, 2m or 1h, not soon"),
            ("  triggers:\n    - kinesis: s\n      max_record_age: old\n", "lambdactl.yml:8: max_record_age should be a duration like 5s, 2m or 1h (or -1 for forever), not old"),
            ("  triggers:\n    - sqs: orders\n      filters: '{}'\n", "lambdactl.yml:8: filters should be a list of JSON objects or mappings"),
            ("  triggers:\n    - sqs: orders\n      filters: ['{not json']\n", "lambdactl.yml:8: filters should be a JSON object or a YAML mapping"),
            ("  triggers:\n    - sqs:\n", "lambdactl.yml:7: sqs needs a source as text, e.g. sqs: NAME"),
            ("  triggers:\n    - schedule: [rate]\n", "lambdactl.yml:7: schedule needs a source as text, e.g. schedule: rate(5 minutes)"),
            ("  triggers:\n    - event_pattern: '[1, 2]'\n", "lambdactl.yml:7: event_pattern should be a JSON object or a YAML mapping"),
            ("  triggers:\n    - s3: b\n      events: {a: 1}\n", "lambdactl.yml:8: events should be a list"),
            ("  triggers:\n    - sns: t\n      filter_policy: '{oops'\n", "lambdactl.yml:8: filter_policy should be a JSON object or a YAML mapping"),
            ("  triggers:\n    - sns: t\n      qualifier: [a]\n", "lambdactl.yml:8: qualifier should be text"),
        ])
    func refusals(yaml: String, expected: String) {
        let message = refusal(yaml)
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
    }

    @Test("triggers given with --set are read, and their refusals name the override, not a line")
    func override() throws {
        let config = try parse("", set: ["function.triggers=[{sqs: q, batch_size: 3}]"])
        #expect(config.triggers?.map(\.spec) == [.mapping(MappingTriggerSpec(kind: .sqs, source: "q", options: MappingOptions(batchSize: 3)))])
        #expect(config.triggers?.first?.location == "--set function.triggers=[{sqs: q, batch_size: 3}]")
        #expect(throws: DeployConfigError("--set function.triggers=[{sqs: q, prefix: a}]: prefix is an option of s3 triggers, not of sqs ones; leave it out")) {
            _ = try parse("", set: ["function.triggers=[{sqs: q, prefix: a}]"])
        }
        #expect(try parse("", set: ["function.triggers=[]"]).triggers == [])
    }

    @Test("the default qualifier is the entry's own, else the file's alias, else none")
    func defaultQualifier() {
        let plain = TriggerEntry(spec: .sns(SNSTriggerSpec(topic: "t")))
        let own = TriggerEntry(spec: .sns(SNSTriggerSpec(topic: "t")), qualifier: "blue")
        #expect(plain.target(function: "f", alias: nil) == TriggerTarget(function: "f"))
        #expect(plain.target(function: "f", alias: "live") == TriggerTarget(function: "f", qualifier: "live"))
        #expect(own.target(function: "f", alias: "live") == TriggerTarget(function: "f", qualifier: "blue"))
    }

    @Test("mapping problems are worded with the file's keys")
    func mappingNaming() {
        let naming = DeployConfigMappingNaming()
        let message = MappingProblem.batchWindowRequired(batchSize: 20).message(naming)
        #expect(message == "an SQS batch of 20 needs a batching window of at least 1 second; add batch_window: 1 or use batch_size: 10")
        #expect(MappingProblem.notForSource(.startingPosition, source: .sqs(fifo: false)).message(naming).hasPrefix("starting_position does not apply"))
        #expect(MappingOption.allCases.allSatisfy { !naming.key($0).contains("-") })
    }
}

@Suite("Deploy config files: function.triggers in the schema")
struct TriggerSchemaTests {
    @Test("the schema's trigger kinds take exactly the keys the parser accepts")
    func schemaMatchesParser() throws {
        let data = try Data(contentsOf: DeployConfigFilesTests.root.appendingPathComponent("Config/lambdactl.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let function = (schema["$defs"] as? [String: Any])?["function"] as? [String: Any]
        let triggers = (function?["properties"] as? [String: Any])?["triggers"] as? [String: Any]
        let kinds = try #require((triggers?["items"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        var found: [String: [String]] = [:]
        for kind in kinds {
            let first = try #require((kind["required"] as? [String])?.first)
            found[first] = ((kind["properties"] as? [String: Any])?.keys).map { Array($0).sorted() } ?? []
        }
        #expect(found.keys.sorted() == TriggerConfigParser.kindKeys.sorted())
        for (first, keys) in found {
            #expect(keys == (TriggerConfigParser.options[first, default: []] + [first, "qualifier"]).sorted(), "\(first)")
        }
    }
}

import ArgumentParser
import Testing
@testable import lambdactl

@Suite("request --help and its service check read the registry")
struct RequestHelpTests {
    @Test("the help names every service, and which take --target as an X-Amz-Target or a query Action")
    func helpNamesServices() {
        let help = Request.helpMessage(columns: 300)
        #expect(help.contains("SERVICE is one of: lambda, iam, logs, apigateway, sts, s3, sqs, sns, events, scheduler, kinesis, dynamodb, tagging, cloudwatch."))
        #expect(help.contains("JSON-RPC services (logs, sqs, events, kinesis, dynamodb, tagging)"))
        #expect(help.contains("query-protocol services (iam, sts, sns, cloudwatch)"))
    }

    @Test("each new service and the eventbridge alias pass the argument check; an unknown one says what to type", arguments: [
        "sqs", "sns", "events", "eventbridge", "scheduler", "kinesis", "dynamodb", "cloudwatch", "monitoring",
    ])
    func acceptsService(_ name: String) throws {
        #expect(throws: Never.self) { try Request.parse([name, "POST", "/", "--target", "X"]) }
    }

    @Test("an unknown service is refused with the list of names")
    func refusesUnknown() {
        do {
            _ = try Request.parse(["sqs2", "POST", "/"])
            Issue.record("sqs2 was accepted")
        } catch {
            #expect(Request.message(for: error).contains("use one of lambda, iam, logs, apigateway, sts, s3, sqs, sns, events"))
        }
    }
}

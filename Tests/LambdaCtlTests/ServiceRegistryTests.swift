import AWSCore
import Testing
@testable import lambdactl

@Suite("The composition root's service registry")
struct ServiceRegistryTests {
    struct Facts: Sendable, CustomTestStringConvertible {
        var name: String
        var signingName: String
        var endpointPrefix: String
        var environmentSuffix: String
        var servicesSectionKey: String
        var wireProtocol: AWSProtocol
        var testDescription: String { name }
    }

    /// The facts ServiceID and AppEnvironment.wireProtocol used to hold, row for row.
    static let facts: [Facts] = [
        Facts(name: "lambda", signingName: "lambda", endpointPrefix: "lambda", environmentSuffix: "LAMBDA",
              servicesSectionKey: "lambda", wireProtocol: .restJSON),
        Facts(name: "iam", signingName: "iam", endpointPrefix: "iam", environmentSuffix: "IAM",
              servicesSectionKey: "iam", wireProtocol: .query(version: "2010-05-08")),
        Facts(name: "logs", signingName: "logs", endpointPrefix: "logs", environmentSuffix: "CLOUDWATCH_LOGS",
              servicesSectionKey: "cloudwatch_logs", wireProtocol: .json11(targetPrefix: "Logs_20140328")),
        Facts(name: "apigateway", signingName: "apigateway", endpointPrefix: "apigateway",
              environmentSuffix: "APIGATEWAYV2", servicesSectionKey: "apigatewayv2", wireProtocol: .restJSON),
        Facts(name: "sts", signingName: "sts", endpointPrefix: "sts", environmentSuffix: "STS",
              servicesSectionKey: "sts", wireProtocol: .query(version: "2011-06-15")),
        Facts(name: "s3", signingName: "s3", endpointPrefix: "s3", environmentSuffix: "S3",
              servicesSectionKey: "s3", wireProtocol: .restXML),
        Facts(name: "sqs", signingName: "sqs", endpointPrefix: "sqs", environmentSuffix: "SQS",
              servicesSectionKey: "sqs", wireProtocol: .json10(targetPrefix: "AmazonSQS")),
        Facts(name: "sns", signingName: "sns", endpointPrefix: "sns", environmentSuffix: "SNS",
              servicesSectionKey: "sns", wireProtocol: .query(version: "2010-03-31")),
        Facts(name: "events", signingName: "events", endpointPrefix: "events", environmentSuffix: "EVENTBRIDGE",
              servicesSectionKey: "eventbridge", wireProtocol: .json11(targetPrefix: "AWSEvents")),
        Facts(name: "scheduler", signingName: "scheduler", endpointPrefix: "scheduler", environmentSuffix: "SCHEDULER",
              servicesSectionKey: "scheduler", wireProtocol: .restJSON),
        Facts(name: "kinesis", signingName: "kinesis", endpointPrefix: "kinesis", environmentSuffix: "KINESIS",
              servicesSectionKey: "kinesis", wireProtocol: .json11(targetPrefix: "Kinesis_20131202")),
        Facts(name: "dynamodb", signingName: "dynamodb", endpointPrefix: "dynamodb", environmentSuffix: "DYNAMODB",
              servicesSectionKey: "dynamodb", wireProtocol: .json10(targetPrefix: "DynamoDB_20120810")),
        Facts(name: "tagging", signingName: "tagging", endpointPrefix: "tagging",
              environmentSuffix: "RESOURCE_GROUPS_TAGGING_API", servicesSectionKey: "resource_groups_tagging_api",
              wireProtocol: .json11(targetPrefix: "ResourceGroupsTaggingAPI_20170126")),
        Facts(name: "cloudwatch", signingName: "monitoring", endpointPrefix: "monitoring", environmentSuffix: "CLOUDWATCH",
              servicesSectionKey: "cloudwatch", wireProtocol: .query(version: "2010-08-01")),
    ]

    @Test("each module's descriptor declares its service's facts", arguments: facts)
    func descriptorFacts(_ expected: Facts) throws {
        let service = try #require(AppEnvironment.service(named: expected.name))
        #expect(service.signingName == expected.signingName)
        #expect(service.endpointPrefix == expected.endpointPrefix)
        #expect(service.environmentSuffix == expected.environmentSuffix)
        #expect(service.servicesSectionKey == expected.servicesSectionKey)
        #expect(service.wireProtocol == expected.wireProtocol)
    }

    @Test("the registry lists each service once, in request's order, and takes apigatewayv2 and eventbridge too")
    func names() {
        #expect(AppEnvironment.services.map(\.name) == Self.facts.map(\.name))
        #expect(AppEnvironment.service(named: "APIGatewayV2")?.name == "apigateway")
        #expect(AppEnvironment.service(named: "sso") == nil)
        #expect(AppEnvironment.service(named: "EventBridge")?.name == "events")
        #expect(AppEnvironment.service(named: "monitoring")?.name == "cloudwatch")
        #expect(
            AppEnvironment.serviceNameList
                == "lambda, iam, logs, apigateway, sts, s3, sqs, sns, events, scheduler, kinesis, dynamodb, tagging or cloudwatch")
    }

    @Test("IAM's descriptor puts it on each partition's global endpoint; the others are regional")
    func globalEndpoint() throws {
        let resolver = ServiceEndpointResolver(environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"))
        let iam = try #require(AppEnvironment.service(named: "iam"))
        let china = try resolver.endpoint(for: iam, region: "cn-northwest-1")
        #expect(china.host == "iam.cn-north-1.amazonaws.com.cn" && china.signingRegion == "cn-north-1")
        #expect(try resolver.endpoint(for: iam, region: "eu-west-1").host == "iam.amazonaws.com")
        #expect(try resolver.endpoint(for: iam, region: "us-iso-east-1").host == "iam.us-iso-east-1.c2s.ic.gov")
        let lambda = try #require(AppEnvironment.service(named: "lambda"))
        #expect(try resolver.endpoint(for: lambda, region: "eu-west-1").host == "lambda.eu-west-1.amazonaws.com")
    }

    @Test("every registered service's throttling codes are retried")
    func throttling() {
        for service in AppEnvironment.services {
            for code in service.throttlingCodes {
                #expect(RetryPolicy.isRetryable(.service(code: code, status: 400), serviceCodes: service.throttlingCodes))
            }
        }
    }
}

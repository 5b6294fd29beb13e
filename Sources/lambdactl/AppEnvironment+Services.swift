import AWSAPIGatewayV2
import AWSCloudWatch
import AWSCloudWatchLogs
import AWSCore
import AWSDynamoDB
import AWSEventBridge
import AWSIAM
import AWSKinesis
import AWSLambda
import AWSResourceGroupsTagging
import AWSS3
import AWSSNS
import AWSSQS
import AWSSTS
import AWSScheduler

extension AppEnvironment {
    /// The one registry of services: each module's descriptor, once. `lambdactl request SERVICE`
    /// and its help read it; a new service adds its line here.
    static let services: [ServiceDescriptor] = [
        .lambda, .iam, .logs, .apiGatewayV2, .sts, .s3, .sqs, .sns, .eventBridge, .scheduler, .kinesis, .dynamoDB,
        .resourceGroupsTagging, .cloudWatch,
    ]

    /// The registered names as a sentence: `lambda, iam, logs, apigateway, sts, s3, …, kinesis or dynamodb`.
    static var serviceNameList: String {
        let names = services.map(\.name)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    /// A registered service by its command-line name or alias (case-insensitive).
    static func service(named name: String) -> ServiceDescriptor? {
        services.first { $0.isNamed(name) }
    }

    /// The endpoint of `service`.
    func endpoint(_ service: ServiceDescriptor) throws -> ServiceEndpoint {
        try configuration.endpoint(for: service)
    }

    /// A raw client for `service`.
    func client(_ service: ServiceDescriptor) throws -> AWSClient {
        AWSClient(context: context, endpoint: try endpoint(service), service: service)
    }
}

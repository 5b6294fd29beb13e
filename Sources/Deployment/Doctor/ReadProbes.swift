import AWSCore
import Foundation

/// One cheap signed read-only call per service, as a raw request: the data `doctor` probes each
/// service with. A service added to the registry adds its row here (a missing row is reported).
package struct ReadProbe: Sendable {
    /// The operation's name (`ListQueues`).
    package var operation: String
    /// The IAM action it needs (`sqs:ListQueues`).
    package var action: String
    /// The raw call.
    package var request: RawRequest

    /// The probe for the service with signing name `signingName`, nil when none is known.
    package static func forService(signingName: String) -> ReadProbe? { table[signingName] }

    private static func rest(_ operation: String, _ action: String, _ path: String, _ query: [QueryItem] = []) -> ReadProbe {
        ReadProbe(operation: operation, action: action,
                  request: RawRequest(method: "GET", path: path, query: query, headers: HTTPHeaders(), target: nil, body: nil))
    }

    private static func json(_ operation: String, _ action: String, _ body: String) -> ReadProbe {
        ReadProbe(operation: operation, action: action,
                  request: RawRequest(method: "POST", path: "/", query: [], headers: HTTPHeaders(), target: operation, body: Data(body.utf8)))
    }

    private static func query(_ operation: String, _ action: String, _ parameters: [QueryItem] = []) -> ReadProbe {
        ReadProbe(operation: operation, action: action,
                  request: RawRequest(method: "POST", path: "/", query: parameters, headers: HTTPHeaders(), target: operation, body: nil))
    }

    /// Keyed by signing name.
    private static let table: [String: ReadProbe] = [
        "lambda": rest("ListFunctions", "lambda:ListFunctions", "/2015-03-31/functions/", [QueryItem("MaxItems", "1")]),
        "iam": query("ListRoles", "iam:ListRoles", [QueryItem("MaxItems", "1")]),
        "logs": json("DescribeLogGroups", "logs:DescribeLogGroups", #"{"limit":1}"#),
        "apigateway": rest("GetApis", "apigateway:GET", "/v2/apis", [QueryItem("maxResults", "1")]),
        "sts": query("GetCallerIdentity", "sts:GetCallerIdentity"),
        "s3": rest("ListBuckets", "s3:ListAllMyBuckets", "/"),
        "sqs": json("ListQueues", "sqs:ListQueues", #"{"MaxResults":1}"#),
        "sns": query("ListTopics", "sns:ListTopics"),
        "events": json("ListRules", "events:ListRules", #"{"Limit":1}"#),
        "scheduler": rest("ListSchedules", "scheduler:ListSchedules", "/schedules", [QueryItem("MaxResults", "1")]),
        "kinesis": json("ListStreams", "kinesis:ListStreams", #"{"Limit":1}"#),
        "dynamodb": json("ListTables", "dynamodb:ListTables", #"{"Limit":1}"#),
        "tagging": json("GetResources", "tag:GetResources", #"{"ResourcesPerPage":1}"#),
        "monitoring": query("DescribeAlarms", "cloudwatch:DescribeAlarms", [QueryItem("MaxRecords", "1")]),
    ]
}

import AWSCloudWatch
import AWSCore
import AWSLambda
import Foundation

/// Lists the alarms on a function's metrics: every single-metric alarm in `AWS/Lambda` whose
/// `FunctionName` dimension is the function (with or without `Resource` or `ExecutedVersion`),
/// whoever made it. Read-only: GetFunctionConfiguration, then DescribeAlarms (every page).
package struct FunctionAlarms: Sendable {
    /// Lambda, to check the function and learn its name from an ARN.
    package var lambda: LambdaClient
    /// CloudWatch, for the alarms.
    package var cloudWatch: CloudWatchClient

    /// Creates the use case.
    package init(lambda: LambdaClient, cloudWatch: CloudWatchClient) {
        self.lambda = lambda
        self.cloudWatch = cloudWatch
    }

    /// The function's name and its alarms, sorted by name. A missing function is refused with a hint.
    package func list(function: String) async throws -> (function: String, alarms: [MetricAlarm]) {
        let name: String
        do {
            name = try await lambda.getFunctionConfiguration(function).functionName ?? function
        } catch let error as AWSServiceError where error.isNotFound {
            throw FunctionMetrics.missing(function, qualifier: nil, error)
        }
        let alarms = try await cloudWatch.describeAlarms()
        return (name, Self.alarms(alarms, of: name))
    }

    /// The alarms on `function`'s Lambda metrics, sorted by name. Pure.
    package static func alarms(_ alarms: [MetricAlarm], of function: String) -> [MetricAlarm] {
        alarms.filter { alarm in
            alarm.definition.namespace == "AWS/Lambda"
                && alarm.definition.dimensions.contains(MetricDimension("FunctionName", function))
        }.sorted { $0.definition.name < $1.definition.name }
    }
}

/// CloudWatch's comparison operators and the symbols lambdactl shows and reads for them.
package enum AlarmComparison {
    /// Symbol → operator.
    package static let operators: [(symbol: String, name: String)] = [
        (">=", "GreaterThanOrEqualToThreshold"), (">", "GreaterThanThreshold"),
        ("<=", "LessThanOrEqualToThreshold"), ("<", "LessThanThreshold"),
    ]

    /// `>=` for `GreaterThanOrEqualToThreshold`; other operators (anomaly bands) as they are.
    package static func symbol(_ name: String) -> String {
        operators.first { $0.name == name }?.symbol ?? name
    }

    /// `GreaterThanOrEqualToThreshold` for `>=`; nil for anything else.
    package static func name(_ symbol: String) -> String? {
        operators.first { $0.symbol == symbol }?.name
    }
}

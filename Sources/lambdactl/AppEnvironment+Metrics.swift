import AWSCloudWatch
import AWSSNS
import Deployment

extension AppEnvironment {
    /// The CloudWatch (metrics and alarms) client.
    func cloudWatch() throws -> CloudWatchClient {
        CloudWatchClient(client: try client(.cloudWatch))
    }

    /// The metrics use case.
    func functionMetrics() throws -> FunctionMetrics {
        FunctionMetrics(lambda: try lambda(), cloudWatch: try cloudWatch(), time: context.time)
    }

    /// The alarms listing use case.
    func functionAlarms() throws -> FunctionAlarms {
        FunctionAlarms(lambda: try lambda(), cloudWatch: try cloudWatch())
    }

    /// CloudWatch and SNS for a deploy file's `function.alarms`.
    func alarmServices() throws -> AlarmServices {
        AlarmServices(cloudWatch: try cloudWatch(), sns: SNSClient(client: try client(.sns)))
    }
}

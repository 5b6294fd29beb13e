import AWSCloudWatch
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
}

import Foundation
import AWSDynamoDB
import AWSEventBridge
import AWSKinesis
import AWSSNS
import AWSSQS
import AWSScheduler
import Deployment

extension AppEnvironment {
    /// Everything the trigger handlers share, with progress and warnings on stderr.
    func triggerServices(waitTimeout: Duration = .seconds(600)) throws -> TriggerServices {
        let lambda = try lambda()
        let console = console
        let progress = progressSink
        return TriggerServices(
            lambda: lambda, iam: try iam(), sqs: SQSClient(client: try client(.sqs)), sns: SNSClient(client: try client(.sns)),
            s3: try s3(), eventBridge: EventBridgeClient(client: try client(.eventBridge)),
            scheduler: SchedulerClient(client: try client(.scheduler)), kinesis: KinesisClient(client: try client(.kinesis)),
            dynamoDB: DynamoDBClient(client: try client(.dynamoDB)), region: region,
            mappingWaiter: MappingWaiter(lambda: lambda, time: context.time, timeout: waitTimeout, progress: progress),
            time: context.time, progress: progress, warn: { console.warning($0) })
    }

    /// The trigger entry for the commands and `deploy`: one handler per kind family.
    func triggerWiring(waitTimeout: Duration = .seconds(600)) throws -> TriggerWiring {
        let services = try triggerServices(waitTimeout: waitTimeout)
        // Each handler adds its line here: mappings, S3, SNS, schedules, rules.
        var handlers: [any TriggerHandler] = []
        handlers.append(MappingTriggers(services: services))
        handlers.append(S3Triggers(services: services))
        handlers.append(SNSTriggers(services: services))
        handlers.append(ScheduleTriggers(services: services, timezones: ScheduleTimezones(TimeZone.knownTimeZoneIdentifiers)))
        handlers.append(RuleTriggers(services: services))
        return TriggerWiring(handlers: handlers)
    }
}

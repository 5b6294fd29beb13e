import AWSCore
import AWSDynamoDB
import AWSEventBridge
import AWSIAM
import AWSKinesis
import AWSLambda
import AWSS3
import AWSSNS
import AWSSQS
import AWSScheduler

/// The clients and settings every trigger handler shares, built once by the composition root.
package struct TriggerServices: Sendable {
    /// Lambda: mappings, permissions, the function's configuration.
    package var lambda: LambdaClient
    /// IAM: the `lambdactl-event-sources` inline policy, the scheduler role.
    package var iam: IAMClient
    /// SQS: queue name/URL → ARN.
    package var sqs: SQSClient
    /// SNS: subscriptions.
    package var sns: SNSClient
    /// S3: bucket notifications.
    package var s3: S3Client
    /// EventBridge: rules and targets.
    package var eventBridge: EventBridgeClient
    /// EventBridge Scheduler: schedules and the `lambdactl` group.
    package var scheduler: SchedulerClient
    /// Kinesis: stream name → ARN.
    package var kinesis: KinesisClient
    /// DynamoDB: a table's latest stream.
    package var dynamoDB: DynamoDBClient
    /// The region the command runs in.
    package var region: String
    /// The waiter around every mapping change.
    package var mappingWaiter: MappingWaiter
    /// The clock and sleep (the client context's).
    package var time: TimeSource
    /// Progress lines for stderr.
    package var progress: @Sendable (String) -> Void
    /// Warnings for stderr (a user-owned role that looks short of a permission); the command goes on.
    package var warn: @Sendable (String) -> Void

    /// Creates the services.
    package init(
        lambda: LambdaClient, iam: IAMClient, sqs: SQSClient, sns: SNSClient, s3: S3Client, eventBridge: EventBridgeClient,
        scheduler: SchedulerClient, kinesis: KinesisClient, dynamoDB: DynamoDBClient, region: String,
        mappingWaiter: MappingWaiter, time: TimeSource, progress: @escaping @Sendable (String) -> Void,
        warn: @escaping @Sendable (String) -> Void
    ) {
        self.lambda = lambda
        self.iam = iam
        self.sqs = sqs
        self.sns = sns
        self.s3 = s3
        self.eventBridge = eventBridge
        self.scheduler = scheduler
        self.kinesis = kinesis
        self.dynamoDB = dynamoDB
        self.region = region
        self.mappingWaiter = mappingWaiter
        self.time = time
        self.progress = progress
        self.warn = warn
    }
}

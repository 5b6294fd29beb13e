import AWSCore
import AWSDynamoDB
import AWSKinesis
import AWSSQS
import Foundation

/// A mapping's source resolved to the ARN Lambda polls.
package struct ResolvedMappingSource: Sendable, Equatable {
    /// The queue, stream or table-stream ARN.
    package var arn: String
    /// The source kind (FIFO known from the queue's name).
    package var source: MappingSource

    /// Creates a resolved source.
    package init(arn: String, source: MappingSource) {
        self.arn = arn
        self.source = source
    }
}

/// Resolves a source as typed to its ARN, reading only: an SQS queue's name, URL or ARN by
/// GetQueueUrl and GetQueueAttributes `QueueArn`; a Kinesis stream's name or ARN by
/// DescribeStreamSummary; a DynamoDB table's name or ARN by DescribeTable to its latest stream
/// (refused, with what to run, when streams are off). A source in another region than the
/// function is refused: Lambda polls only its own region.
package struct MappingSourceResolver: Sendable {
    /// SQS.
    package var sqs: SQSClient
    /// Kinesis.
    package var kinesis: KinesisClient
    /// DynamoDB.
    package var dynamoDB: DynamoDBClient
    /// The function's region.
    package var region: String

    /// Creates a resolver.
    package init(sqs: SQSClient, kinesis: KinesisClient, dynamoDB: DynamoDBClient, region: String) {
        self.sqs = sqs
        self.kinesis = kinesis
        self.dynamoDB = dynamoDB
        self.region = region
    }

    /// The source kind known without a call (FIFO from the queue's name); used to validate.
    package static func localSource(_ spec: MappingTriggerSpec) -> MappingSource {
        switch spec.kind {
        case .kinesis: .kinesis
        case .dynamodb: .dynamodb
        default: .sqs(fifo: QueueReference(spec.source)?.name.hasSuffix(".fifo") ?? spec.source.hasSuffix(".fifo"))
        }
    }

    /// The ARN the spec names.
    package func resolve(_ spec: MappingTriggerSpec) async throws -> ResolvedMappingSource {
        switch spec.kind {
        case .kinesis: return try await stream(spec.source)
        case .dynamodb: return try await table(spec.source)
        default: return try await queue(spec.source)
        }
    }

    func queue(_ text: String) async throws -> ResolvedMappingSource {
        guard let reference = QueueReference(text) else {
            throw LifecycleError(
                .usage, "\(text) is not an SQS queue name, URL or ARN; e.g. orders, or arn:aws:sqs:\(region):123456789012:orders")
        }
        let url: String
        do {
            switch reference {
            case .name(let name): url = try await sqs.getQueueURL(name: name)
            case .url(let given, _, _, let urlRegion):
                try checkRegion(urlRegion, of: "the SQS queue \(reference.name)")
                url = given
            case .arn(_, _, let arnRegion, let account, let name):
                try checkRegion(arnRegion, of: "the SQS queue \(name)")
                url = try await sqs.getQueueURL(name: name, ownerAccount: account)
            }
        } catch let error as AWSServiceError where error.code.contains("NonExistentQueue") || error.code.contains("QueueDoesNotExist") {
            throw LifecycleError(.refused, "there is no SQS queue \(reference.name) in \(region) (\(Self.cited(error))); check its name")
        }
        let arn = try await sqs.queueARN(url: url)
        try checkRegion(Self.region(ofARN: arn), of: "the SQS queue \(reference.name)")
        return ResolvedMappingSource(arn: arn, source: .sqs(fifo: reference.name.hasSuffix(".fifo")))
    }

    func stream(_ text: String) async throws -> ResolvedMappingSource {
        if text.hasPrefix("arn:") { try checkRegion(Self.region(ofARN: text), of: "the Kinesis stream \(text)") }
        do {
            let summary = try await kinesis.describeStreamSummary(text)
            try checkRegion(Self.region(ofARN: summary.streamARN), of: "the Kinesis stream \(summary.streamName)")
            return ResolvedMappingSource(arn: summary.streamARN, source: .kinesis)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw LifecycleError(.refused, "there is no Kinesis stream \(text) in \(region) (\(Self.cited(error))); check its name")
        }
    }

    func table(_ text: String) async throws -> ResolvedMappingSource {
        var name = text
        if text.hasPrefix("arn:") {
            try checkRegion(Self.region(ofARN: text), of: "the DynamoDB table \(text)")
            let resource = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? ""
            name = resource.split(separator: "/").dropFirst().first.map(String.init) ?? text
        }
        let description: TableDescription
        do {
            description = try await dynamoDB.describeTable(name)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            throw LifecycleError(.refused, "there is no DynamoDB table \(name) in \(region) (\(Self.cited(error))); check its name")
        }
        guard let stream = description.activeStreamARN else {
            throw LifecycleError(
                .usage, "the DynamoDB table \(name) has no stream, so Lambda has nothing to read; nothing was changed",
                hint: .enableTableStream(table: name))
        }
        try checkRegion(Self.region(ofARN: stream), of: "the DynamoDB table \(name)")
        return ResolvedMappingSource(arn: stream, source: .dynamodb)
    }

    /// Refuses a source whose region is known and is not the function's.
    func checkRegion(_ sourceRegion: String?, of what: String) throws {
        guard let sourceRegion, !sourceRegion.isEmpty, sourceRegion != region else { return }
        throw LifecycleError(
            .usage,
            "\(what) is in \(sourceRegion) but the function is in \(region); Lambda reads only sources in the function's "
                + "region: use a source in \(region), or run in \(sourceRegion) with a function there")
    }

    /// AWS's code and request id for a sentence (pure): `QueueDoesNotExist, request id abc`.
    static func cited(_ error: AWSServiceError) -> String {
        error.requestID.map { "\(error.code), request id \($0)" } ?? error.code
    }

    /// The region field of an ARN (pure); nil when `arn` is not one.
    package static func region(ofARN arn: String) -> String? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return fields.count == 6 && fields[0] == "arn" ? String(fields[3]) : nil
    }
}

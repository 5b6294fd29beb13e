import AWSCore
import Foundation

/// A queue as a user names it: a name (`orders`), a URL
/// (`https://sqs.eu-west-1.amazonaws.com/123456789012/orders`) or an ARN
/// (`arn:aws:sqs:eu-west-1:123456789012:orders`). Parsing and resolving are pure.
package enum QueueReference: Sendable, Equatable {
    /// A bare queue name.
    case name(String)
    /// A queue URL: the account and name are its last two path segments.
    case url(String, account: String, name: String, region: String?)
    /// A queue ARN.
    case arn(String, partition: String, region: String, account: String, name: String)

    /// Reads `text`; nil when it is none of the three forms (a name SQS would refuse included:
    /// 1–80 letters, digits, `-` and `_`, with `.fifo` at the end of a FIFO queue's name).
    package init?(_ text: String) {
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[2] == "sqs", !parts[3].isEmpty, Self.isAccount(parts[4]),
                Self.isName(parts[5])
            else { return nil }
            self = .arn(text, partition: parts[1], region: parts[3], account: parts[4], name: parts[5])
        } else if text.hasPrefix("https://") || text.hasPrefix("http://") {
            guard let components = URLComponents(string: text), let host = components.host else { return nil }
            let segments = components.path.split(separator: "/").map(String.init)
            guard segments.count == 2, Self.isAccount(segments[0]), Self.isName(segments[1]) else { return nil }
            self = .url(text, account: segments[0], name: segments[1], region: Self.region(ofHost: host))
        } else {
            guard Self.isName(text) else { return nil }
            self = .name(text)
        }
    }

    /// The queue's name.
    package var name: String {
        switch self {
        case .name(let name), .url(_, _, let name, _), .arn(_, _, _, _, let name): name
        }
    }

    /// The URL and ARN, taking what the reference does not say from `region`, `account` and
    /// `partition`. A name gets the default endpoint's URL form `https://sqs.{region}.{suffix}/…`.
    package func location(region: String, account: String, partition: String = "aws") -> QueueLocation {
        switch self {
        case .name(let name):
            return QueueLocation(
                url: "https://sqs.\(region).\(Self.dnsSuffix(partition))/\(account)/\(name)",
                arn: Self.arn(partition: partition, region: region, account: account, name: name))
        case .url(let url, let owner, let name, let urlRegion):
            return QueueLocation(
                url: url, arn: Self.arn(partition: partition, region: urlRegion ?? region, account: owner, name: name))
        case .arn(let arn, let arnPartition, let arnRegion, let owner, let name):
            return QueueLocation(
                url: "https://sqs.\(arnRegion).\(Self.dnsSuffix(arnPartition))/\(owner)/\(name)", arn: arn)
        }
    }

    /// `arn:{partition}:sqs:{region}:{account}:{name}`.
    package static func arn(partition: String, region: String, account: String, name: String) -> String {
        "arn:\(partition):sqs:\(region):\(account):\(name)"
    }

    /// The region in an SQS host: `sqs.{region}.…` or the legacy `{region}.queue.amazonaws.com`;
    /// nil for `queue.amazonaws.com` (us-east-1's legacy host is read as "the given region") and
    /// for any other host (a local endpoint).
    static func region(ofHost host: String) -> String? {
        let labels = host.split(separator: ".").map(String.init)
        if labels.count >= 4, labels[0] == "sqs" { return labels[1] }
        if labels.count >= 4, labels[1] == "queue" { return labels[0] }
        return nil
    }

    /// The partition's DNS suffix from AWSCore's partition table (`amazonaws.com` if unknown).
    static func dnsSuffix(_ partition: String) -> String {
        Partition.all.first { $0.name == partition }?.dnsSuffix ?? "amazonaws.com"
    }

    static func isAccount(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    static func isName(_ text: String) -> Bool {
        let base = text.hasSuffix(".fifo") ? String(text.dropLast(5)) : text
        return (1...80).contains(text.count) && !base.isEmpty
            && base.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }
}

/// Where a queue is: the URL SQS calls take and the ARN mappings and policies name.
package struct QueueLocation: Sendable, Equatable {
    /// The queue URL.
    package var url: String
    /// The queue ARN.
    package var arn: String

    /// Creates a location.
    package init(url: String, arn: String) {
        self.url = url
        self.arn = arn
    }
}

/// A topic as a user names it: a name (`alerts`) or an ARN (`arn:aws:sns:eu-west-1:123456789012:alerts`).
/// Pure: the ARN of a name comes from the region, account and partition given.
package enum TopicReference: Sendable, Equatable {
    /// A bare topic name.
    case name(String)
    /// A topic ARN.
    case arn(String, region: String, account: String, name: String)

    /// Reads `text`; nil for anything SNS would refuse as a name (1–256 letters, digits, `-`, `_`,
    /// with `.fifo` at the end of a FIFO topic's) or an ARN that is not a topic's.
    package init?(_ text: String) {
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[2] == "sns", !parts[3].isEmpty, parts[4].count == 12, Self.isName(parts[5])
            else { return nil }
            self = .arn(text, region: parts[3], account: parts[4], name: parts[5])
        } else {
            guard Self.isName(text) else { return nil }
            self = .name(text)
        }
    }

    /// The topic's name.
    package var name: String {
        switch self {
        case .name(let name), .arn(_, _, _, let name): name
        }
    }

    /// The topic's ARN; a name is taken to be in `region` and `account`.
    package func arn(region: String, account: String, partition: String = "aws") -> String {
        switch self {
        case .name(let name): "arn:\(partition):sns:\(region):\(account):\(name)"
        case .arn(let arn, _, _, _): arn
        }
    }

    static func isName(_ text: String) -> Bool {
        let base = text.hasSuffix(".fifo") ? String(text.dropLast(5)) : text
        return (1...256).contains(text.count) && !base.isEmpty
            && base.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}

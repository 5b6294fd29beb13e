import AWSCore

/// A bucket's notification configuration (`GET/PUT /{bucket}?notification`) as an ordered list of
/// XML elements, so that a read-modify-write keeps everything lambdactl does not own exactly as
/// S3 sent it: queue and topic entries, other functions' entries, `EventBridgeConfiguration`
/// and any element this code has never heard of. Only the entries a caller replaces are
/// re-encoded. See the Amazon S3 API Reference, PutBucketNotificationConfiguration.
///
/// "Exactly" means element names, order and text; XML attributes (S3 sends none inside the
/// configuration) and whitespace around text are not kept (`XMLDocumentNode`).
package struct BucketNotificationConfiguration: Sendable, Equatable {
    /// The S3 XML namespace the PUT body carries.
    package static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    /// The configuration's child elements, in S3's order.
    package var elements: [XMLDocumentNode]

    /// Creates a configuration from its elements (empty: no notifications).
    package init(elements: [XMLDocumentNode] = []) {
        self.elements = elements
    }

    /// Reads a `<NotificationConfiguration>` document.
    package init(xml document: XMLDocumentNode) {
        elements = document.children
    }

    /// The PUT body: `<NotificationConfiguration xmlns="…">` with every element in order.
    package var xmlText: String {
        XMLDocumentNode(name: "NotificationConfiguration", children: elements).xmlText(namespace: Self.namespace)
    }

    /// Every queue, topic and function entry, decoded for reading (ids, events, filters); the
    /// index is the element's position in `elements`.
    package var destinations: [(index: Int, entry: NotificationEntry)] {
        elements.enumerated().compactMap { index, element in
            NotificationEntry(element).map { (index, $0) }
        }
    }
}

/// One destination entry of a notification configuration: a function, queue or topic, with
/// its id, events and key filter. Used to read any entry and to write lambdactl's own.
package struct NotificationEntry: Sendable, Equatable {
    /// What the entry notifies, with its XML element names.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `<CloudFunctionConfiguration><CloudFunction>` (botocore's `LambdaFunctionConfigurations`).
        case function = "CloudFunctionConfiguration"
        /// `<QueueConfiguration><Queue>`.
        case queue = "QueueConfiguration"
        /// `<TopicConfiguration><Topic>`.
        case topic = "TopicConfiguration"

        /// The element that names the destination ARN.
        package var targetElement: String {
            switch self {
            case .function: "CloudFunction"
            case .queue: "Queue"
            case .topic: "Topic"
            }
        }
    }

    /// Function, queue or topic.
    package var kind: Kind
    /// `Id`; S3 assigns one when a PUT leaves it out.
    package var id: String?
    /// The destination ARN.
    package var targetARN: String
    /// `Event` elements, in order (`s3:ObjectCreated:*`).
    package var events: [String]
    /// The `prefix` filter rule's value, if any (rule names are case-insensitive on S3).
    package var prefix: String?
    /// The `suffix` filter rule's value, if any.
    package var suffix: String?

    /// Creates an entry.
    package init(kind: Kind, id: String?, targetARN: String, events: [String], prefix: String? = nil, suffix: String? = nil) {
        self.kind = kind
        self.id = id
        self.targetARN = targetARN
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }

    /// Decodes a function, queue or topic element; nil for any other element.
    package init?(_ element: XMLDocumentNode) {
        guard let kind = Kind(rawValue: element.name) else { return nil }
        self.kind = kind
        id = element.children(named: "Id").first?.text
        targetARN = element.children(named: kind.targetElement).first?.text ?? ""
        events = element.children(named: "Event").map(\.text)
        let rules = element.children(named: "Filter").first?.children(named: "S3Key").first?.children(named: "FilterRule") ?? []
        func rule(_ name: String) -> String? {
            rules.first { $0.children(named: "Name").first?.text.lowercased() == name }?.children(named: "Value").first?.text
        }
        prefix = rule("prefix")
        suffix = rule("suffix")
    }

    /// The element as S3's PUT body takes it: `Id`, the destination, each `Event`, then the
    /// `Filter` (only when a prefix or suffix is set).
    package var element: XMLDocumentNode {
        var children: [XMLDocumentNode] = []
        if let id { children.append(XMLDocumentNode(name: "Id", text: id)) }
        children.append(XMLDocumentNode(name: kind.targetElement, text: targetARN))
        children += events.map { XMLDocumentNode(name: "Event", text: $0) }
        let rules = [("prefix", prefix), ("suffix", suffix)].compactMap { name, value in
            value.map {
                XMLDocumentNode(
                    name: "FilterRule",
                    children: [XMLDocumentNode(name: "Name", text: name), XMLDocumentNode(name: "Value", text: $0)])
            }
        }
        if !rules.isEmpty {
            children.append(XMLDocumentNode(name: "Filter", children: [XMLDocumentNode(name: "S3Key", children: rules)]))
        }
        return XMLDocumentNode(name: kind.rawValue, children: children)
    }
}

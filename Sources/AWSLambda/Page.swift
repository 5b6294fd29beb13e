import AWSCore

/// One page of a list answer: the items under whichever list member is present, and `NextMarker`.
struct Page<Item: Decodable>: Decodable {
    var items: [Item]
    var nextMarker: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The list members Lambda's list answers use.
    static var listKeys: Set<String> { ["Functions", "Versions", "Aliases", "LayerVersions", "ProvisionedConcurrencyConfigs", "EventSourceMappings", "FunctionEventInvokeConfigs"] }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let listKey = container.allKeys.first { Self.listKeys.contains($0.stringValue) }
        items = try listKey.map { try container.decodeIfPresent([Item].self, forKey: $0) ?? [] } ?? []
        nextMarker = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "NextMarker"))
    }
}

/// Collects every page of a `Marker`/`NextMarker` list call.
public enum Paginator {
    /// Calls `fetch` with nil, then with each `next` marker until one is nil or empty, and
    /// returns all items in order. A marker that repeats ends the loop (a broken server must
    /// not make lambdactl spin forever).
    public static func collect<Item>(
        _ fetch: (_ marker: String?) async throws -> (items: [Item], next: String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var marker: String?
        var seen: Set<String> = []
        repeat {
            let page = try await fetch(marker)
            items.append(contentsOf: page.items)
            guard let next = page.next, !next.isEmpty, seen.insert(next).inserted else { break }
            marker = next
        } while true
        return items
    }
}

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
    static var listKeys: Set<String> { ["Functions", "Versions", "Aliases", "LayerVersions"] }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let listKey = container.allKeys.first { Self.listKeys.contains($0.stringValue) }
        items = try listKey.map { try container.decodeIfPresent([Item].self, forKey: $0) ?? [] } ?? []
        nextMarker = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "NextMarker"))
    }
}

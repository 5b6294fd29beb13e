import AWSCore
import AWSS3

/// The read-modify-write of a bucket's notification configuration, as pure functions: only
/// lambdactl's own entry (found by its id) is added, replaced or removed; every other element
/// (queue, topic and other functions' entries, `EventBridgeConfiguration`, elements unknown to
/// lambdactl) stays as it was and where it was.
package enum S3NotificationMerge {
    /// `configuration` with `entry` in place of the element that has its id (at that element's
    /// position; later duplicates of the id dropped), or appended when none has.
    package static func merging(_ entry: NotificationEntry, into configuration: BucketNotificationConfiguration)
        -> BucketNotificationConfiguration
    {
        var elements: [XMLDocumentNode] = []
        var placed = false
        for element in configuration.elements {
            guard hasID(element, entry.id) else {
                elements.append(element)
                continue
            }
            if !placed { elements.append(entry.element) }
            placed = true
        }
        if !placed { elements.append(entry.element) }
        return BucketNotificationConfiguration(elements: elements)
    }

    /// `configuration` without any element whose id is `id`.
    package static func removing(id: String, from configuration: BucketNotificationConfiguration)
        -> BucketNotificationConfiguration
    {
        BucketNotificationConfiguration(elements: configuration.elements.filter { !hasID($0, id) })
    }

    /// Whether the configuration already holds `entry` exactly once, as lambdactl would write it
    /// (same id, destination, events as a set, prefix and suffix): then a rerun writes nothing.
    package static func isCurrent(_ entry: NotificationEntry, in configuration: BucketNotificationConfiguration) -> Bool {
        let mine = configuration.elements.filter { hasID($0, entry.id) }
        guard mine.count == 1, let current = NotificationEntry(mine[0]) else { return false }
        return current.kind == entry.kind && current.targetARN == entry.targetARN
            && Set(current.events) == Set(entry.events) && current.prefix == entry.prefix && current.suffix == entry.suffix
    }

    /// The first other entry S3 would call an overlap with `entry` ("Configurations overlap.
    /// Configurations on the same bucket cannot share a common event type."): an entry with a
    /// different id that shares an event type (`s3:ObjectCreated:*` covers
    /// `s3:ObjectCreated:Put`) and whose key filter some key could match together with ours.
    package static func overlap(of entry: NotificationEntry, in configuration: BucketNotificationConfiguration)
        -> S3NotificationOverlap?
    {
        for (_, other) in configuration.destinations where entry.id == nil || other.id != entry.id {
            for ours in entry.events {
                guard let theirs = other.events.first(where: { S3EventFilter.eventsOverlap(ours, $0) }) else { continue }
                if S3EventFilter.keysOverlap(
                    prefixes: (entry.prefix, other.prefix), suffixes: (entry.suffix, other.suffix))
                {
                    return S3NotificationOverlap(other: other, ourEvent: ours, theirEvent: theirs)
                }
            }
        }
        return nil
    }

    static func hasID(_ element: XMLDocumentNode, _ id: String?) -> Bool {
        guard let id, NotificationEntry.Kind(rawValue: element.name) != nil else { return false }
        return element.children(named: "Id").first?.text == id
    }
}

/// S3's matching rules for event types and key filters.
package enum S3EventFilter {
    /// Two event types overlap when equal, or when one ends in `*` and the other starts with
    /// what precedes it (`s3:ObjectCreated:*` and `s3:ObjectCreated:Put`).
    package static func eventsOverlap(_ a: String, _ b: String) -> Bool {
        func covers(_ wildcard: String, _ event: String) -> Bool {
            wildcard.hasSuffix("*") && event.hasPrefix(wildcard.dropLast())
        }
        return a == b || covers(a, b) || covers(b, a)
    }

    /// Two key filters overlap when some key matches both: their prefixes are compatible (one
    /// starts with the other; none is the empty prefix) and so are their suffixes (one ends
    /// with the other). S3 compares keys case-sensitively.
    package static func keysOverlap(prefixes: (String?, String?), suffixes: (String?, String?)) -> Bool {
        let (p1, p2) = (prefixes.0 ?? "", prefixes.1 ?? "")
        let (s1, s2) = (suffixes.0 ?? "", suffixes.1 ?? "")
        return (p1.hasPrefix(p2) || p2.hasPrefix(p1)) && (s1.hasSuffix(s2) || s2.hasSuffix(s1))
    }
}

/// An S3 trigger that would overlap an entry already on the bucket: the entry (its id, kind,
/// destination and filter) and the event types that collide.
package struct S3NotificationOverlap: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bucket's entry that overlaps.
    package var other: NotificationEntry
    /// Our event type that collides.
    package var ourEvent: String
    /// Theirs.
    package var theirEvent: String

    /// One line naming the conflicting entry.
    package var description: String {
        let filter = [other.prefix.map { "prefix \($0)" }, other.suffix.map { "suffix \($0)" }].compactMap { $0 }
        let what = filter.isEmpty ? "every key" : "keys with " + filter.joined(separator: " and ")
        let kind: String = switch other.kind {
        case .function: "function"
        case .queue: "queue"
        case .topic: "topic"
        }
        return "its notification \(other.id ?? "(no id)") (\(kind) \(other.targetARN)) already gets \(theirEvent) for "
            + "\(what), which overlaps \(ourEvent) here (S3 allows one destination per event and key); "
            + "choose a prefix or suffix that does not overlap, or other events"
    }
}

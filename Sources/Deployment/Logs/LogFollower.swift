import AWSCloudWatchLogs
import Foundation

/// The pure core of `logs --follow`: given the events each poll returned, decides which to
/// print, in what order, and where the next poll starts. No I/O, no clock: `now` is an argument.
///
/// FilterLogEvents is eventually consistent: an event can show up seconds after events with
/// newer timestamps, and a new stream can appear with older events. Moving a start-time cursor
/// past the newest event loses those. Instead every poll re-queries an *overlap window*
/// (`queryStart = max(since, watermark − overlap)`, where the watermark is the newest timestamp
/// seen, capped at `now`) and de-duplicates by `eventId`.
///
/// Guarantees:
/// - **Exactly once**: an event whose timestamp is at or after `queryStart` when it first shows
///   up is printed once, never twice. Only an event ingested more than `overlap` behind the
///   newest event seen can be missed.
/// - **Order**: events are held back until they are `holdBack` old, then released sorted by
///   (timestamp, stream, eventId). So events arriving less than `holdBack` late are printed in
///   timestamp order across streams; an event arriving later than that is printed as soon as it
///   is seen, after newer ones (late, but once).
/// - **Bounded memory**: IDs are remembered only while their timestamp is inside the window
///   (`≥ queryStart`); older IDs are evicted every poll because no query can return them again.
package struct LogFollower: Sendable {
    /// Window sizes, in milliseconds.
    package struct Settings: Sendable, Equatable {
        /// How far behind the newest event each poll re-queries.
        package var overlap: Int64
        /// How old an event must be before it is released, so near-simultaneous events sort.
        package var holdBack: Int64

        /// Creates settings; defaults: 2 minutes overlap, 500 ms hold-back.
        package init(overlap: Int64 = 120_000, holdBack: Int64 = 500) {
            self.overlap = overlap
            self.holdBack = holdBack
        }
    }

    /// The earliest timestamp asked for (`--since`), milliseconds since the epoch.
    package let since: Int64
    /// The window sizes.
    package let settings: Settings
    /// The newest timestamp accepted so far (capped at the poll's `now`).
    package private(set) var watermark: Int64?
    private var seen: [String: Int64] = [:]
    private var held: [FilteredLogEvent] = []

    /// Creates a follower that starts at `since` (milliseconds since the epoch).
    package init(since: Int64, settings: Settings = Settings()) {
        self.since = since
        self.settings = settings
    }

    /// Where the next FilterLogEvents query starts.
    package var queryStart: Int64 {
        guard let watermark else { return since }
        return max(since, watermark - settings.overlap)
    }

    /// How many event IDs are remembered (bounded by the events inside the window).
    package var rememberedCount: Int { seen.count }

    /// How many new events wait for their hold-back to pass.
    package var heldCount: Int { held.count }

    /// Takes one poll's events (any order, duplicates welcome) and returns the events to print
    /// now, in order. `now` is the poll's time in milliseconds since the epoch.
    package mutating func accept(_ events: [FilteredLogEvent], now: Int64) -> [FilteredLogEvent] {
        for event in events {
            let timestamp = event.timestamp ?? now
            let key = Self.key(event)
            guard seen[key] == nil else { continue }
            seen[key] = timestamp
            held.append(event)
            watermark = max(watermark ?? Int64.min, min(timestamp, now))
        }
        let releaseBefore = now - settings.holdBack
        var ready: [FilteredLogEvent] = []
        var waiting: [FilteredLogEvent] = []
        for event in held {
            if (event.timestamp ?? now) <= releaseBefore { ready.append(event) } else { waiting.append(event) }
        }
        held = waiting
        evict()
        return Self.sorted(ready)
    }

    /// Releases every held event (the end of a non-follow run, a stop condition, Ctrl-C).
    package mutating func flush() -> [FilteredLogEvent] {
        let ready = held
        held = []
        return Self.sorted(ready)
    }

    /// Forgets IDs no future query can return: older than `queryStart` and not held.
    private mutating func evict() {
        var threshold = queryStart
        if let oldestHeld = held.compactMap(\.timestamp).min() { threshold = min(threshold, oldestHeld) }
        if seen.values.contains(where: { $0 < threshold }) {
            seen = seen.filter { $0.value >= threshold }
        }
    }

    /// The de-duplication key: stream + event ID (IDs are unique in AWS; the stream guards
    /// stand-ins with weaker IDs), or stream + timestamp + message when there is no ID.
    static func key(_ event: FilteredLogEvent) -> String {
        if let id = event.eventId, !id.isEmpty { return "\(event.logStreamName ?? "")|\(id)" }
        return "\(event.logStreamName ?? "")|\(event.timestamp ?? 0)|\(event.message ?? "")"
    }

    /// Timestamp order; ties by stream then event ID, so output is deterministic.
    static func sorted(_ events: [FilteredLogEvent]) -> [FilteredLogEvent] {
        events.sorted { lhs, rhs in
            let left = (lhs.timestamp ?? 0, lhs.logStreamName ?? "", lhs.eventId ?? "")
            let right = (rhs.timestamp ?? 0, rhs.logStreamName ?? "", rhs.eventId ?? "")
            return left < right
        }
    }
}

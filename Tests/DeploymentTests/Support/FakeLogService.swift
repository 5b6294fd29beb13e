import AWSCloudWatchLogs
import AWSCore
import AWSTestSupport
import Foundation
import Synchronization

/// A CloudWatch Logs stand-in for FilterLogEvents: events become visible only once the clock
/// reaches their `visibleAt` (eventual consistency), pages hold `pageSize` events and the last
/// page says `"nextToken": null` like moto. It can throttle and can lack the group for a while.
final class FakeLogService: Sendable {
    struct StoredEvent: Sendable {
        var event: FilteredLogEvent
        var visibleAt: Int64
    }

    struct State {
        var events: [StoredEvent] = []
        var throttleNext = 0
        var groupExistsAt: Int64 = 0
        var polls = 0
        var queryStarts: [Int64] = []
    }

    let clock: ManualClock
    let pageSize: Int
    let state = Mutex(State())

    init(clock: ManualClock, pageSize: Int = 50) {
        self.clock = clock
        self.pageSize = pageSize
    }

    /// Adds an event with `timestamp`, visible from `visibleAt` (default: at once).
    func put(stream: String, timestamp: Int64, message: String, visibleAt: Int64? = nil) {
        state.withLock {
            let id = String(format: "%020d", $0.events.count + 1)
            let event = FilteredLogEvent(
                logStreamName: stream, timestamp: timestamp, message: message + "\n", ingestionTime: visibleAt ?? timestamp,
                eventId: id)
            $0.events.append(StoredEvent(event: event, visibleAt: visibleAt ?? timestamp))
        }
    }

    func throttle(next count: Int) { state.withLock { $0.throttleNext = count } }
    func groupAppears(at milliseconds: Int64) { state.withLock { $0.groupExistsAt = milliseconds } }
    var polls: Int { state.withLock { $0.polls } }
    var queryStarts: [Int64] { state.withLock { $0.queryStarts } }

    /// The transport's handler.
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let body = jsonBody(request)
        let now = clock.nowMilliseconds
        return state.withLock { state in
            if state.throttleNext > 0 {
                state.throttleNext -= 1
                return jsonResponse(400, ["__type": "ThrottlingException", "message": "Rate exceeded"])
            }
            if now < state.groupExistsAt {
                return jsonResponse(
                    400, ["__type": "ResourceNotFoundException", "message": "The specified log group does not exist."])
            }
            let start = (body["startTime"] as? NSNumber)?.int64Value ?? 0
            let end = (body["endTime"] as? NSNumber)?.int64Value ?? Int64.max
            let offset = Int(body["nextToken"] as? String ?? "0") ?? 0
            if offset == 0 {
                state.polls += 1
                state.queryStarts.append(start)
            }
            let matching = state.events
                .filter { $0.visibleAt <= now && ($0.event.timestamp ?? 0) >= start && ($0.event.timestamp ?? 0) < end }
                .map(\.event)
                .sorted { ($0.timestamp ?? 0, $0.eventId ?? "") < ($1.timestamp ?? 0, $1.eventId ?? "") }
            let page = matching.dropFirst(offset).prefix(pageSize)
            let next: Any = offset + pageSize < matching.count ? String(offset + pageSize) : NSNull()
            let events = page.map { event -> [String: Any] in
                [
                    "eventId": event.eventId ?? "", "logStreamName": event.logStreamName ?? "",
                    "timestamp": event.timestamp ?? 0, "ingestionTime": event.ingestionTime ?? 0,
                    "message": event.message ?? "",
                ]
            }
            return jsonResponse(200, ["events": events, "nextToken": next, "searchedLogStreams": []])
        }
    }
}

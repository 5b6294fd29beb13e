import AWSCloudWatchLogs
import Foundation

/// Client-side filters applied to each event before it is printed. Pure.
///
/// - `streamPrefix`: moto ignores `logStreamNamePrefix`, so it is applied here too.
/// - `version`: Lambda names streams `YYYY/MM/DD/[VERSION]id`; only that version's streams pass.
/// - `requestID`: one invocation, from the `START RequestId: ID` line to the
///   `REPORT RequestId: ID` line, in the stream where it started (with the JSON log format, from
///   its `platform.start` record to its `platform.report` record: see `PlatformRecord`).
package struct LogEventFilter: Sendable {
    /// Keep only streams whose names start with this.
    package var streamPrefix: String?
    /// Keep only streams of this function version (`$LATEST`, `3`).
    package var version: String?
    /// Keep only this invocation's lines.
    package var requestID: String?
    /// The stream where the invocation started, once seen.
    package private(set) var requestStream: String?
    /// True once the invocation's `REPORT` line has passed.
    package private(set) var requestComplete = false

    /// Creates a filter.
    package init(streamPrefix: String? = nil, version: String? = nil, requestID: String? = nil) {
        self.streamPrefix = streamPrefix
        self.version = version
        self.requestID = requestID
    }

    /// True when `streamName` is a stream of `version` (`2026/11/23/[3]abc…`).
    package static func stream(_ streamName: String, isOfVersion version: String) -> Bool {
        streamName.contains("/[\(version)]")
    }

    /// Decides whether `event` is printed; advances the request-ID state.
    package mutating func admits(_ event: FilteredLogEvent) -> Bool {
        let stream = event.logStreamName ?? ""
        if let streamPrefix, !stream.hasPrefix(streamPrefix) { return false }
        if let version, !Self.stream(stream, isOfVersion: version) { return false }
        guard let requestID else { return true }
        if requestComplete { return false }
        let message = PlatformRecord.equivalentLine(event.message ?? "")
        if requestStream == nil {
            guard message.hasPrefix("START RequestId: \(requestID)") else { return false }
            requestStream = stream
            return true
        }
        guard stream == requestStream else { return false }
        if message.hasPrefix("REPORT RequestId: \(requestID)") { requestComplete = true }
        return true
    }
}

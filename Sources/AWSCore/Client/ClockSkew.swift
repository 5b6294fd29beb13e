import Foundation

/// How far the local clock is from AWS's, learned from answers that say "signature expired".
/// Shared by every client of one process so one correction serves all of them.
package actor ClockSkew {
    /// Seconds to add to the local clock to get AWS's.
    package private(set) var offset: TimeInterval = 0

    /// Creates a corrector with no offset.
    package init() {}

    /// Sets the offset.
    package func set(_ offset: TimeInterval) {
        self.offset = offset
    }

    /// The `Date` header of the last answer that carried a readable one, with the local time it arrived.
    package private(set) var lastAnswer: ClockReading?

    /// Notes an answer's `Date` header (ignored when missing or unreadable).
    package func noteAnswer(dateHeader: String?, localNow: Date) {
        guard let header = dateHeader, let server = HTTPDate.parse(header) else { return }
        lastAnswer = ClockReading(server: server, local: localNow)
    }

    /// True when an error answer says the request time was off, whatever the service calls it.
    package static func isSkewError(_ error: AWSServiceError) -> Bool {
        switch error.code {
        case "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture":
            return true
        case "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure", "InvalidSignature":
            let message = error.message.lowercased()
            return message.contains("signature expired") || message.contains("not yet current")
                || message.contains("request time") || message.contains("too skewed")
        default:
            return false
        }
    }

    /// The offset an answer's `Date` header implies, when it differs from `localNow` by more
    /// than a minute; nil when the header is missing or unreadable.
    package static func offset(fromDateHeader header: String?, localNow: Date) -> TimeInterval? {
        guard let header, let serverDate = HTTPDate.parse(header) else { return nil }
        let delta = serverDate.timeIntervalSince(localNow)
        return abs(delta) > 60 ? delta : nil
    }
}

/// One answer's `Date` header next to the local clock when it arrived.
package struct ClockReading: Sendable, Equatable {
    /// The answer's `Date` (whole seconds).
    package var server: Date
    /// The local clock when the answer arrived.
    package var local: Date

    /// Creates a reading.
    package init(server: Date, local: Date) {
        self.server = server
        self.local = local
    }

    /// Seconds to add to the local clock to get AWS's (the header's 1-second resolution included).
    package var offset: TimeInterval { server.timeIntervalSince(local) }
}

/// RFC 7231 IMF-fixdate parsing (`Sun, 06 Nov 1994 08:49:37 GMT`), without DateFormatter.
package enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses an HTTP date; nil when it is not in IMF-fixdate form.
    package static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count >= 5, let day = Int(parts[1]),
            let month = months.firstIndex(of: parts[2].lowercased()), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock[2]
        return components.date
    }
}

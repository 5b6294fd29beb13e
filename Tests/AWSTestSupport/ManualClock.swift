import AWSCore
import Foundation
import Synchronization

/// The one test clock: it moves only when slept on or advanced, records every sleep, and can
/// run a hook after each sleep (which may throw, to stand for Ctrl-C or a cancelled task).
package final class ManualClock: Sendable {
    /// 2015-08-30T12:36:00Z, the date of the SigV4 test suite.
    package static let sigV4SuiteDate = Date(timeIntervalSince1970: 1_440_938_160)

    private let start: Date
    private let state: Mutex<(now: Date, sleeps: [Duration])>
    private let onSleep: @Sendable (Int) throws -> Void

    /// A clock at `start`; `onSleep` gets the number of sleeps so far after each one.
    package init(start: Date = ManualClock.sigV4SuiteDate, onSleep: @escaping @Sendable (Int) throws -> Void = { _ in }) {
        self.start = start
        state = Mutex((start, []))
        self.onSleep = onSleep
    }

    /// The clock's time.
    package var now: Date { state.withLock { $0.now } }

    /// The time in milliseconds since 1970 (CloudWatch Logs timestamps).
    package var nowMilliseconds: Int64 { Int64(now.timeIntervalSince1970 * 1000) }

    /// Every sleep asked for, in order.
    package var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Seconds since the start.
    package var elapsed: Double { now.timeIntervalSince(start) }

    /// Moves the clock on without a sleep.
    package func advance(_ seconds: Double) {
        state.withLock { $0.now += seconds }
    }

    /// The clock as the `TimeSource` a client or use case takes.
    package var timeSource: TimeSource {
        TimeSource(
            now: { self.now },
            sleep: { duration in
                let count = self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += ManualClock.seconds(duration)
                    return $0.sleeps.count
                }
                try self.onSleep(count)
            })
    }

    /// A duration in seconds.
    package static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

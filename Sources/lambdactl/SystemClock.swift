import AWSCore
import Foundation

/// The real clock: the one place below `main` that reads the system time or sleeps for real.
/// `AppEnvironment` hands it to every client and use case; commands read it from there.
enum SystemClock {
    /// Wall-clock time and `Task.sleep`.
    static let time = TimeSource(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}

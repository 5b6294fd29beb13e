import Dispatch
import Foundation

/// Runs a command's work so that Ctrl-C cancels it instead of killing the process: the use case
/// sees a `CancellationError`, can say what exists now, and `main()` exits 130.
enum Interruption {
    /// Runs `work` in a task that SIGINT cancels.
    static func cancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler { task.cancel() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await task.value
    }
}

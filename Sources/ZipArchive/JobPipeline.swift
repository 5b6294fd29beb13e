#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Keeps up to `window` chunk jobs running ahead of the writer and hands their results back in
/// plan order, so compression runs on every core while the archive is written sequentially.
struct JobPipeline {
    private var planner: JobPlanner
    private let window: Int
    private var running: [Task<ChunkJob.Result, Error>] = []

    init(planner: JobPlanner, window: Int) {
        self.planner = planner
        self.window = window
    }

    /// The result of the next job in plan order.
    mutating func next() async throws -> ChunkJob.Result {
        fill()
        guard !running.isEmpty else { throw ZipArchiveError.zlib("job plan ended early") }
        // Dropped at once: a finished task keeps its result (up to a chunk) alive.
        let task = running.removeFirst()
        fill()
        return try await task.value
    }

    /// Cancels queued work after a failure (running jobs finish on their own; results are dropped).
    mutating func cancelAll() {
        for task in running { task.cancel() }
        running.removeAll()
    }

    private mutating func fill() {
        while running.count < window, let job = planner.next() {
            running.append(Task.detached(priority: .userInitiated) { try job.run() })
        }
    }
}

/// The number of processors available to this process.
public enum ProcessorCount {
    /// Online processors, at least 1.
    public static var active: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

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
    private var head = 0

    init(planner: JobPlanner, window: Int) {
        self.planner = planner
        self.window = window
    }

    /// The result of the next job in plan order.
    mutating func next() async throws -> ChunkJob.Result {
        fill()
        guard head < running.count else { throw ZipArchiveError.zlib("job plan ended early") }
        let task = running[head]
        head += 1
        if head > 256 { running.removeFirst(head); head = 0 }
        fill()
        return try await task.value
    }

    /// Cancels queued work after a failure (running jobs finish on their own; results are dropped).
    mutating func cancelAll() {
        for task in running[head...] { task.cancel() }
        running.removeAll()
        head = 0
    }

    private mutating func fill() {
        while running.count - head < window, let job = planner.next() {
            running.append(Task.detached(priority: .userInitiated) { try job.run() })
        }
    }
}

/// The number of processors available to this process.
public enum ProcessorCount {
    /// Online processors, at least 1.
    public static var active: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

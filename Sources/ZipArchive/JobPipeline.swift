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
    private var running: [Task<[ChunkJob.Result], Error>] = []
    private var ready: [ChunkJob.Result] = []
    private var readyIndex = 0
    private var pendingJob: ChunkJob?

    /// A batch closes when its input reaches this many bytes or jobs.
    static let batchBytes = 512 * 1024
    static let batchJobs = 256

    init(planner: JobPlanner, window: Int) {
        self.planner = planner
        self.window = window
    }

    /// The result of the next job in plan order.
    mutating func next() async throws -> ChunkJob.Result {
        if readyIndex < ready.count {
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }
        fill()
        guard !running.isEmpty else { throw ZipArchiveError.zlib("job plan ended early") }
        // Dropped at once: a finished task keeps its results (up to a chunk) alive.
        let task = running.removeFirst()
        fill()
        ready = try await task.value
        readyIndex = 1
        guard let first = ready.first else { throw ZipArchiveError.zlib("empty batch") }
        return first
    }

    /// Cancels queued work after a failure (running jobs finish on their own; results are dropped).
    mutating func cancelAll() {
        for task in running { task.cancel() }
        running.removeAll()
    }

    private mutating func fill() {
        while running.count < window, let batch = nextBatch() {
            running.append(Task.detached(priority: .userInitiated) { try batch.run() })
        }
    }

    /// Whole single-chunk files are grouped; a chunk of a large file is a batch of its own.
    private mutating func nextBatch() -> JobBatch? {
        var jobs: [ChunkJob] = []
        var bytes = 0
        while let job = pendingJob ?? planner.next() {
            pendingJob = nil
            if job.chunkCount > 1 || bytes + job.length > Self.batchBytes || jobs.count == Self.batchJobs {
                if jobs.isEmpty { return JobBatch(jobs: [job]) }
                pendingJob = job
                break
            }
            jobs.append(job)
            bytes += job.length
        }
        return jobs.isEmpty ? nil : JobBatch(jobs: jobs)
    }
}

/// The number of processors available to this process.
package enum ProcessorCount {
    /// Online processors, at least 1.
    package static var active: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

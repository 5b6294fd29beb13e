#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Produces the chunk jobs for the file entries, in entry order, one at a time, deciding for
/// each file whether to deflate it (level, extension, entropy sample).
struct JobPlanner {
    private let entries: [ZipEntry]
    private let level: Int
    private let chunkSize: Int
    private let samplesEntropy: Bool
    private var entryIndex = 0
    private var chunkIndex = 0
    private var currentDeflate = false

    /// Files at least this big are sampled for entropy before deflating.
    static let sampleThreshold: UInt64 = 64 * 1024
    static let sampleSize = 4096

    init(entries: [ZipEntry], level: Int, chunkSize: Int, samplesEntropy: Bool = true) {
        self.samplesEntropy = samplesEntropy
        self.entries = entries
        self.level = level
        self.chunkSize = chunkSize
    }

    /// The number of chunks a file of `size` bytes is cut into.
    static func chunkCount(size: UInt64, chunkSize: Int) -> Int {
        max(1, Int((size + UInt64(chunkSize) - 1) / UInt64(chunkSize)))
    }

    /// The next job, or nil when every file has been planned.
    mutating func next() -> ChunkJob? {
        while entryIndex < entries.count {
            guard case .file(let source, let size) = entries[entryIndex].kind else {
                entryIndex += 1
                continue
            }
            let count = Self.chunkCount(size: size, chunkSize: chunkSize)
            if chunkIndex == 0 { currentDeflate = shouldDeflate(entries[entryIndex].name, source: source, size: size) }
            let offset = UInt64(chunkIndex) * UInt64(chunkSize)
            let job = ChunkJob(
                entryIndex: entryIndex, source: source, offset: offset,
                length: Int(min(UInt64(chunkSize), size - min(size, offset))), chunkCount: count,
                isLast: chunkIndex == count - 1, deflate: currentDeflate, level: level, expectedSize: size)
            chunkIndex += 1
            if chunkIndex == count { chunkIndex = 0; entryIndex += 1 }
            return job
        }
        return nil
    }

    private func shouldDeflate(_ name: String, source: String, size: UInt64) -> Bool {
        if level == 0 || size == 0 { return false }
        if CompressionPolicy.hasCompressedExtension(name) { return false }
        if size < Self.sampleThreshold || !samplesEntropy { return true }
        return !CompressionPolicy.looksIncompressible(samples: samples(source: source, size: size))
    }

    /// Three 4 KiB samples: start, middle, end. A read error yields no samples (deflate is tried
    /// and the job reports the error).
    private func samples(source: String, size: UInt64) -> [[UInt8]] {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        let last = size - UInt64(Self.sampleSize)
        return [0, last / 2, last].map { offset in
            var sample = [UInt8](repeating: 0, count: Self.sampleSize)
            let n = sample.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
            return n == Self.sampleSize ? sample : []
        }
    }
}

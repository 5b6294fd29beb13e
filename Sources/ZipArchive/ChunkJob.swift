#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One piece of work for the compression pool: read a chunk of a file and deflate (or just
/// checksum) it. Jobs are independent, so any number run at once; results are used in order.
struct ChunkJob: Sendable {
    /// Index of the entry the chunk belongs to.
    var entryIndex: Int
    /// File to read.
    var source: String
    /// Where the chunk starts in the file.
    var offset: UInt64
    /// How many bytes the chunk has.
    var length: Int
    /// Number of chunks in the entry (1 for most files).
    var chunkCount: Int
    /// Whether this is the entry's last chunk.
    var isLast: Bool
    /// Whether to deflate (false: store).
    var deflate: Bool
    /// zlib level.
    var level: Int
    /// The size the scan saw, checked against the file when its last chunk is read.
    var expectedSize: UInt64

    /// The chunk's output: bytes to write, CRC of its input, whether it ended up stored.
    struct Result: Sendable {
        var bytes: [UInt8]
        var crc: UInt32
        var inputLength: Int
        var stored: Bool
    }

    static let dictionarySize = 32 * 1024

    /// Reads and compresses the chunk with its own deflate state.
    func run() throws -> Result {
        var deflater: Deflater?
        return try run(using: &deflater)
    }

    /// Reads and compresses the chunk, creating `deflater` on first need and reusing it after.
    func run(using deflater: inout Deflater?) throws -> Result {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ZipArchiveError.unreadable(path: source, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let dictLength = deflate ? Int(min(offset, UInt64(Self.dictionarySize))) : 0
        var buffer = [UInt8](repeating: 0, count: dictLength + length)
        try buffer.withUnsafeMutableBytes { raw in
            try Self.readFully(fd, into: raw, at: offset - UInt64(dictLength), path: source)
        }
        if isLast {
            var info = stat()
            if fstat(fd, &info) == 0, UInt64(info.st_size) != expectedSize {
                throw ZipArchiveError.fileChanged(source)
            }
        }
        if deflate && deflater == nil { deflater = try Deflater(level: level) }
        let compressor = deflater
        return try buffer.withUnsafeBytes { raw in
            let input = UnsafeRawBufferPointer(rebasing: raw[dictLength...])
            let crc = ChunkCompressor.crc32(input)
            guard deflate else { return Result(bytes: Array(input), crc: crc, inputLength: length, stored: true) }
            let dictionary = UnsafeRawBufferPointer(rebasing: raw[..<dictLength])
            guard let compressor else { throw ZipArchiveError.zlib("no deflate state") }
            let compressed = try compressor.deflate(input, dictionary: dictionary, last: isLast)
            if chunkCount == 1 && compressed.count >= length {
                return Result(bytes: Array(input), crc: crc, inputLength: length, stored: true)
            }
            return Result(bytes: compressed, crc: crc, inputLength: length, stored: false)
        }
    }

    /// Fills `buffer` from `fd` at `offset`, or throws when the file is shorter.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64, path: String) throws {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ZipArchiveError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { throw ZipArchiveError.fileChanged(path) }
            done += n
        }
    }
}

/// Several chunk jobs run one after another on one deflate state: whole small files are
/// batched so thousands of tiny files cost a few hundred tasks, not thousands.
struct JobBatch: Sendable {
    /// The jobs, in plan order.
    var jobs: [ChunkJob]

    /// Runs every job in order.
    func run() throws -> [ChunkJob.Result] {
        var deflater: Deflater?
        return try jobs.map { try $0.run(using: &deflater) }
    }
}

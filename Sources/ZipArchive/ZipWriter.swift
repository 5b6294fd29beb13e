import Foundation
/// How an archive is written.
package struct ZipWriterOptions: Sendable {
    /// zlib level 0–9 (0 stores everything).
    package var level: Int
    /// How many chunks are compressed at once.
    package var concurrency: Int
    /// Files are compressed in independent chunks of this many bytes (fixed, so output does not
    /// depend on the number of cores).
    package var chunkSize: Int
    /// Whether files are sampled for entropy before deflating (off only in tests that need
    /// deflate to be tried on random data).
    var samplesEntropy = true

    /// Level 6, one job per core plus a few queued, 1 MiB chunks.
    package init(level: Int = 6, concurrency: Int = ZipWriterOptions.defaultConcurrency, chunkSize: Int = 1 << 20) {
        self.level = level
        self.concurrency = concurrency
        self.chunkSize = chunkSize
    }

    /// Twice the active processor count, at least 4 and at most 32.
    package static var defaultConcurrency: Int { min(32, max(4, 2 * ProcessorCount.active)) }
}

/// What a finished archive holds.
package struct ZipSummary: Sendable, Equatable {
    /// Number of entries (files, directories, links).
    package var entries: Int
    /// Size of the zip file.
    package var zippedBytes: UInt64
    /// Sum of the entries' uncompressed sizes.
    package var unzippedBytes: UInt64
    /// SHA-256 of the zip file.
    package var sha256: [UInt8]
}

/// Writes entries as a deterministic zip file: sorted names, fixed timestamps, normalised modes,
/// no data descriptors, Zip64 only when needed. Chunks are compressed concurrently and written
/// in order; memory stays bounded by `concurrency × chunkSize`.
package struct ZipWriter: Sendable {
    /// The options in use.
    package let options: ZipWriterOptions

    /// Creates a writer.
    package init(options: ZipWriterOptions = ZipWriterOptions()) {
        self.options = options
    }

    /// Writes `entries` (sorted here) to a new file at `path`; `progress` gets the uncompressed
    /// bytes done and the total.
    package func write(
        _ entries: [ZipEntry], to path: String,
        progress: (@Sendable (UInt64, UInt64) -> Void)? = nil
    ) async throws -> ZipSummary {
        let sorted = entries.sortedByName()
        let output = try OutputFile(path: path)
        let total = sorted.reduce(0) { $0 + $1.size }
        var pipeline = JobPipeline(
            planner: JobPlanner(
                entries: sorted, level: options.level, chunkSize: options.chunkSize, samplesEntropy: options.samplesEntropy),
            window: max(1, options.concurrency))
        var records: [EntryRecord] = []
        records.reserveCapacity(sorted.count)
        var done: UInt64 = 0
        do {
            for entry in sorted {
                let offset = output.offset
                let record: EntryRecord
                switch entry.kind {
                case .directory, .symlink, .data:
                    record = try writeInline(entry, at: offset, to: output)
                case .file(let source, let size):
                    record = try await writeFile(entry, source: source, size: size, at: offset, output: output, pipeline: &pipeline)
                }
                records.append(record)
                done += entry.size
                progress?(done, total)
            }
        } catch {
            pipeline.cancelAll()
            throw error
        }
        let centralOffset = output.offset
        for record in records { try output.append(record.centralHeader()) }
        try output.append(ArchiveTrailer.bytes(
            entryCount: UInt64(records.count), centralOffset: centralOffset, centralSize: output.offset - centralOffset))
        let size = output.offset
        let digest = try output.finish()
        return ZipSummary(entries: records.count, zippedBytes: size, unzippedBytes: total, sha256: digest)
    }

    /// Directories, links and in-memory data: compressed here, written in one go.
    private func writeInline(_ entry: ZipEntry, at offset: UInt64, to output: OutputFile) throws -> EntryRecord {
        let content: [UInt8]
        switch entry.kind {
        case .symlink(let target): content = Array(target.utf8)
        case .data(let bytes): content = bytes
        default: content = []
        }
        var stored = content
        var method: UInt16 = 0
        let crc = content.withUnsafeBytes { ChunkCompressor.crc32($0) }
        if case .data = entry.kind, options.level > 0, !content.isEmpty {
            let compressed = try content.withUnsafeBytes {
                try ChunkCompressor.deflate($0, dictionary: UnsafeRawBufferPointer(start: nil, count: 0), level: options.level, last: true)
            }
            if compressed.count < content.count { stored = compressed; method = 8 }
        }
        let record = EntryRecord(
            name: Array(entry.name.utf8), method: method, crc: crc, compressedSize: UInt64(stored.count),
            uncompressedSize: UInt64(content.count), localHeaderOffset: offset, unixMode: entry.unixMode,
            localZip64: false)
        try output.append(record.localHeader())
        try output.append(stored)
        return record
    }

    /// A file: one chunk is written with its final header; several chunks stream after a
    /// provisional header that is patched once the CRC and sizes are known.
    private func writeFile(
        _ entry: ZipEntry, source: String, size: UInt64, at offset: UInt64, output: OutputFile,
        pipeline: inout JobPipeline
    ) async throws -> EntryRecord {
        let count = JobPlanner.chunkCount(size: size, chunkSize: options.chunkSize)
        var record = EntryRecord(
            name: Array(entry.name.utf8), method: 0, crc: 0, compressedSize: 0, uncompressedSize: size,
            localHeaderOffset: offset, unixMode: entry.unixMode, localZip64: size >= EntryRecord.max32)
        if count == 1 {
            let result = try await pipeline.next()
            record.method = result.stored ? 0 : 8
            record.crc = result.crc
            record.compressedSize = UInt64(result.bytes.count)
            try output.append(record.localHeader())
            try output.append(result.bytes)
            return record
        }
        output.holdHash()
        let provisional = record.localHeader()
        try output.append(provisional)
        var crc: UInt32 = 0
        var compressed: UInt64 = 0
        var anyDeflated = false
        for _ in 0..<count {
            let result = try await pipeline.next()
            crc = ChunkCompressor.combine(crc, result.crc, secondLength: result.inputLength)
            compressed += UInt64(result.bytes.count)
            anyDeflated = anyDeflated || !result.stored
            try output.append(result.bytes)
        }
        record.crc = crc
        record.method = anyDeflated ? 8 : 0
        record.compressedSize = compressed
        if anyDeflated && compressed >= size {
            // Deflate did not pay off: rewrite the entry stored.
            try output.truncate(to: offset + UInt64(provisional.count))
            try StoredCopy.append(source: source, size: size, to: output)
            record.method = 0
            record.compressedSize = size
        }
        try output.overwrite(record.localHeader(), at: offset)
        return record
    }
}

/// Copies a file into the output unchanged, in 1 MiB reads.
enum StoredCopy {
    static func append(source: String, size: UInt64, to output: OutputFile) throws {
        var offset: UInt64 = 0
        while offset < size {
            let job = ChunkJob(
                entryIndex: 0, source: source, offset: offset, length: Int(min(1 << 20, size - offset)),
                chunkCount: 2, isLast: false, deflate: false, level: 0, expectedSize: size)
            let result = try job.run()
            try output.append(result.bytes)
            offset += UInt64(result.inputLength)
        }
    }
}

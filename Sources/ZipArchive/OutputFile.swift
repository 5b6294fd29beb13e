#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The archive being written: buffered appends, header patches, and a SHA-256 of the final
/// bytes. Hashing waits while a header is pending a patch and catches up after it.
final class OutputFile {
    /// Where the file lives (for messages).
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 20
    /// Bytes written so far (flushed or buffered).
    private(set) var offset: UInt64 = 0
    private var hashedUpTo: UInt64 = 0
    private var holdHashing = false
    private let digest = SHA256Digest()

    /// Creates (or truncates) the file at `path` with mode 0644.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ZipArchiveError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(bufferLimit)
    }

    deinit { close(fd) }

    /// Appends bytes.
    func append(_ bytes: [UInt8]) throws {
        if !holdHashing { digest.update(bytes); hashedUpTo += UInt64(bytes.count) }
        offset += UInt64(bytes.count)
        if buffer.count + bytes.count > bufferLimit { try flush() }
        if bytes.count >= bufferLimit {
            try bytes.withUnsafeBytes { try writeAll($0, at: nil) }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Stops hashing until `overwrite(_:at:resume:)` rewrites a header.
    func holdHash() { holdHashing = true }

    /// Rewrites bytes already appended at `position`, then hashes everything not yet hashed.
    func overwrite(_ bytes: [UInt8], at position: UInt64) throws {
        try flush()
        try bytes.withUnsafeBytes { try writeAll($0, at: position) }
        holdHashing = false
        try catchUpHash()
    }

    /// Cuts the file back to `position` (to rewrite an entry) and keeps hashing held.
    func truncate(to position: UInt64) throws {
        try flush()
        guard ftruncate(fd, off_t(position)) == 0, lseek(fd, off_t(position), SEEK_SET) >= 0 else {
            throw ZipArchiveError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        offset = position
    }

    /// Flushes and returns the SHA-256 of the whole file.
    func finish() throws -> [UInt8] {
        try flush()
        try catchUpHash()
        // No fsync: zip and Info-ZIP do not either, and it costs a disk flush (measured 0.1–0.3 s); the
        // caller renames the finished file into place, so a reader never sees a partial zip.
        return digest.finish()
    }

    private func catchUpHash() throws {
        guard hashedUpTo < offset else { return }
        let chunk = 1 << 20
        var scratch = [UInt8](repeating: 0, count: chunk)
        while hashedUpTo < offset {
            let length = Int(min(UInt64(chunk), offset - hashedUpTo))
            let n = scratch.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, length, off_t(hashedUpTo)) }
            guard n > 0 else { throw ZipArchiveError.writeFailed(path: path, reason: "cannot read back for hashing") }
            scratch.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            hashedUpTo += UInt64(n)
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0, at: nil) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at position: UInt64?) throws {
        var done = 0
        while done < bytes.count {
            let n = position.map { pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t($0) + off_t(done)) }
                ?? write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ZipArchiveError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
    }
}

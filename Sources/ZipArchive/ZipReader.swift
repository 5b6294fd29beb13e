import CZlib
import Foundation

/// One entry read from an archive: its name, Unix permission bits and content.
package struct ZipReadEntry: Sendable, Equatable {
    /// The name inside the archive (`/`-separated; directories end with `/`).
    package var name: String
    /// The permission bits (`0o755`, `0o644`) when the archive was made on Unix; nil otherwise.
    package var permissions: UInt16?
    /// The uncompressed bytes (empty for a directory).
    package var data: [UInt8]
    /// True for a symbolic link (its target is `data`).
    package var isSymlink: Bool

    /// Creates an entry.
    package init(name: String, permissions: UInt16?, data: [UInt8], isSymlink: Bool = false) {
        self.name = name
        self.permissions = permissions
        self.data = data
        self.isSymlink = isSymlink
    }

    /// True when the name ends with `/`.
    package var isDirectory: Bool { name.hasSuffix("/") }
}

/// Reads a zip archive held in memory (pure): the central directory, then each entry's local
/// header and data, stored (method 0) or deflated (method 8), with every CRC-32 checked.
/// Zip64 sizes and offsets are read (APPNOTE.TXT 4.3.14–4.3.16, 4.5.3). Names with `..` or a
/// leading `/` are refused, so the entries can be written under a directory safely.
package enum ZipReader {
    /// The entries of `archive`, in central-directory order.
    package static func entries(_ archive: [UInt8]) throws -> [ZipReadEntry] {
        let bytes = ByteReader(archive)
        guard let end = findEndRecord(bytes) else { throw ZipArchiveError.notAnArchive("no end of central directory record") }
        var count = UInt64(try bytes.u16(end + 10))
        var centralSize = UInt64(try bytes.u32(end + 12))
        var centralOffset = UInt64(try bytes.u32(end + 16))
        if end >= 20, try bytes.u32(end - 20) == 0x0706_4B50 {
            let record = Int(try bytes.u64(end - 12))
            guard try bytes.u32(record) == 0x0606_4B50 else { throw ZipArchiveError.notAnArchive("bad Zip64 end record") }
            count = try bytes.u64(record + 32)
            centralSize = try bytes.u64(record + 40)
            centralOffset = try bytes.u64(record + 48)
        }
        guard centralOffset + centralSize <= UInt64(archive.count) else {
            throw ZipArchiveError.notAnArchive("the central directory lies outside the file")
        }
        var entries: [ZipReadEntry] = []
        var offset = Int(centralOffset)
        for _ in 0..<count {
            let (entry, next) = try centralEntry(bytes, at: offset)
            entries.append(entry)
            offset = next
        }
        return entries
    }

    /// The offset of the end of central directory record (signature 0x06054b50), searched from
    /// the end over the longest comment.
    static func findEndRecord(_ bytes: ByteReader) -> Int? {
        let last = bytes.count - 22
        guard last >= 0 else { return nil }
        for offset in stride(from: last, through: max(0, last - 0xFFFF), by: -1)
        where (try? bytes.u32(offset)) == 0x0605_4B50 {
            return offset
        }
        return nil
    }

    /// One central directory header and the entry it describes; returns the next header's offset.
    static func centralEntry(_ bytes: ByteReader, at offset: Int) throws -> (ZipReadEntry, Int) {
        guard try bytes.u32(offset) == 0x0201_4B50 else { throw ZipArchiveError.notAnArchive("bad central directory header") }
        let madeBy = try bytes.u16(offset + 4)
        let method = try bytes.u16(offset + 10)
        let crc = try bytes.u32(offset + 16)
        var compressed = UInt64(try bytes.u32(offset + 20))
        var uncompressed = UInt64(try bytes.u32(offset + 24))
        let nameLength = Int(try bytes.u16(offset + 28))
        let extraLength = Int(try bytes.u16(offset + 30))
        let commentLength = Int(try bytes.u16(offset + 32))
        let external = try bytes.u32(offset + 38)
        var localOffset = UInt64(try bytes.u32(offset + 42))
        let nameBytes = try bytes.slice(offset + 46, nameLength)
        let name = String(decoding: nameBytes, as: UTF8.self)
        // Zip64 extra (0x0001): the fields that overflowed, in order.
        var extra = offset + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd {
            let id = try bytes.u16(extra)
            let size = Int(try bytes.u16(extra + 2))
            if id == 0x0001 {
                var field = extra + 4
                if uncompressed == 0xFFFF_FFFF { uncompressed = try bytes.u64(field); field += 8 }
                if compressed == 0xFFFF_FFFF { compressed = try bytes.u64(field); field += 8 }
                if localOffset == 0xFFFF_FFFF { localOffset = try bytes.u64(field) }
            }
            extra += 4 + size
        }
        try checkName(name)
        let local = Int(localOffset)
        guard try bytes.u32(local) == 0x0403_4B50 else { throw ZipArchiveError.notAnArchive("bad local header of \(name)") }
        let dataStart = local + 30 + Int(try bytes.u16(local + 26)) + Int(try bytes.u16(local + 28))
        let stored = try bytes.slice(dataStart, Int(compressed))
        let data: [UInt8]
        switch method {
        case 0: data = stored
        case 8: data = try inflate(stored, expected: Int(uncompressed))
        default: throw ZipArchiveError.notAnArchive("\(name) uses compression method \(method); only stored and deflate are read")
        }
        guard data.count == Int(uncompressed), crc32(data) == crc else {
            throw ZipArchiveError.notAnArchive("\(name) is damaged (size or CRC-32 does not match)")
        }
        let unix = madeBy >> 8 == 3
        let mode = unix ? UInt32(external >> 16) : 0
        let entry = ZipReadEntry(
            name: name, permissions: unix && mode != 0 ? UInt16(mode & 0o7777) : nil, data: data,
            isSymlink: unix && mode & 0o170000 == 0o120000)
        return (entry, offset + 46 + nameLength + extraLength + commentLength)
    }

    /// Refuses names that would leave the directory they are extracted into.
    static func checkName(_ name: String) throws {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || parts.contains("..") {
            throw ZipArchiveError.unsafeName(name)
        }
    }

    /// Raw inflate (windowBits -15) of one entry's data.
    static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard lambdactl_inflateInit2(&stream, -15) == Z_OK else { throw ZipArchiveError.zlib("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(expected, 1))
        var input = input
        let result: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END || (expected == 0 && result == Z_BUF_ERROR) else {
            throw ZipArchiveError.notAnArchive("deflated data does not inflate (zlib \(result))")
        }
        return Array(output.prefix(Int(stream.total_out)))
    }

    /// CRC-32 of `data` (zlib's).
    static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}

/// Little-endian reads with bounds checks.
struct ByteReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var count: Int { bytes.count }

    func slice(_ offset: Int, _ length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset + length <= bytes.count else {
            throw ZipArchiveError.notAnArchive("truncated (a record runs past the end)")
        }
        return Array(bytes[offset..<offset + length])
    }
    func u16(_ offset: Int) throws -> UInt16 {
        let b = try slice(offset, 2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }
    func u32(_ offset: Int) throws -> UInt32 {
        let b = try slice(offset, 4)
        return b.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
    func u64(_ offset: Int) throws -> UInt64 {
        let b = try slice(offset, 8)
        return b.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}

/// Little-endian byte building for zip records.
struct ByteWriter {
    /// The bytes so far.
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF)); bytes.append(UInt8(value >> 8))
    }
    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }
    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// The facts about one written entry that the local and central headers record.
/// Pure: headers are built from this value alone (APPNOTE.TXT 4.3.7, 4.3.12, 4.5.3).
struct EntryRecord: Sendable {
    /// Name bytes (UTF-8).
    var name: [UInt8]
    /// 0 stored, 8 deflated.
    var method: UInt16
    /// CRC-32 of the uncompressed bytes.
    var crc: UInt32
    /// Bytes after compression.
    var compressedSize: UInt64
    /// Bytes before compression.
    var uncompressedSize: UInt64
    /// Where the local header starts.
    var localHeaderOffset: UInt64
    /// Unix mode with type bits.
    var unixMode: UInt32
    /// Whether the local header carries a Zip64 extra field (decided before the data is written).
    var localZip64: Bool

    static let max32: UInt64 = 0xFFFF_FFFF
    /// DOS date 1980-01-01 (day 1, month 1, year 0) and time 00:00.
    static let dosDate: UInt16 = (1 << 5) | 1
    static let dosTime: UInt16 = 0
    /// Version made by: Unix (3) in the high byte, spec 3.0 in the low byte.
    static let versionMadeBy: UInt16 = (3 << 8) | 30

    var isDirectory: Bool { name.last == UInt8(ascii: "/") }

    var flags: UInt16 { name.contains { $0 >= 0x80 } ? 1 << 11 : 0 }

    func versionNeeded(zip64: Bool) -> UInt16 {
        if zip64 { return 45 }
        return method == 8 || isDirectory ? 20 : 10
    }

    /// The local file header (signature 0x04034b50) followed by the name and any Zip64 extra.
    func localHeader() -> [UInt8] {
        var w = ByteWriter()
        w.u32(0x0403_4B50)
        w.u16(versionNeeded(zip64: localZip64))
        w.u16(flags)
        w.u16(method)
        w.u16(Self.dosTime)
        w.u16(Self.dosDate)
        w.u32(crc)
        w.u32(localZip64 ? UInt32(Self.max32) : UInt32(compressedSize))
        w.u32(localZip64 ? UInt32(Self.max32) : UInt32(uncompressedSize))
        w.u16(UInt16(name.count))
        w.u16(localZip64 ? 20 : 0)
        w.append(name)
        if localZip64 {
            w.u16(0x0001); w.u16(16)
            w.u64(uncompressedSize); w.u64(compressedSize)
        }
        return w.bytes
    }

    /// The central directory header (signature 0x02014b50); Zip64 extra holds exactly the
    /// fields that overflow, in the order the spec gives.
    func centralHeader() -> [UInt8] {
        let bigUncompressed = uncompressedSize >= Self.max32 || localZip64
        let bigCompressed = compressedSize >= Self.max32 || localZip64
        let bigOffset = localHeaderOffset >= Self.max32
        var extra = ByteWriter()
        if bigUncompressed { extra.u64(uncompressedSize) }
        if bigCompressed { extra.u64(compressedSize) }
        if bigOffset { extra.u64(localHeaderOffset) }
        let zip64 = !extra.bytes.isEmpty
        var w = ByteWriter()
        w.u32(0x0201_4B50)
        w.u16(Self.versionMadeBy)
        w.u16(versionNeeded(zip64: zip64))
        w.u16(flags)
        w.u16(method)
        w.u16(Self.dosTime)
        w.u16(Self.dosDate)
        w.u32(crc)
        w.u32(bigCompressed ? UInt32(Self.max32) : UInt32(compressedSize))
        w.u32(bigUncompressed ? UInt32(Self.max32) : UInt32(uncompressedSize))
        w.u16(UInt16(name.count))
        w.u16(zip64 ? UInt16(4 + extra.bytes.count) : 0)
        w.u16(0)  // comment length
        w.u16(0)  // disk number start
        w.u16(0)  // internal attributes
        w.u32(unixMode << 16 | (isDirectory ? 0x10 : 0))
        w.u32(bigOffset ? UInt32(Self.max32) : UInt32(localHeaderOffset))
        w.append(name)
        if zip64 {
            w.u16(0x0001); w.u16(UInt16(extra.bytes.count)); w.append(extra.bytes)
        }
        return w.bytes
    }
}

/// The end of the archive: Zip64 end record and locator when needed, then the classic end record.
enum ArchiveTrailer {
    /// Bytes that follow the central directory (APPNOTE.TXT 4.3.14–4.3.16).
    static func bytes(entryCount: UInt64, centralOffset: UInt64, centralSize: UInt64) -> [UInt8] {
        let max32 = EntryRecord.max32
        let zip64 = entryCount >= 0xFFFF || centralOffset >= max32 || centralSize >= max32
        var w = ByteWriter()
        if zip64 {
            let recordOffset = centralOffset + centralSize
            w.u32(0x0606_4B50)
            w.u64(44)  // size of the remaining record
            w.u16(EntryRecord.versionMadeBy)
            w.u16(45)
            w.u32(0); w.u32(0)
            w.u64(entryCount); w.u64(entryCount)
            w.u64(centralSize); w.u64(centralOffset)
            w.u32(0x0706_4B50)
            w.u32(0)
            w.u64(recordOffset)
            w.u32(1)
        }
        w.u32(0x0605_4B50)
        w.u16(0); w.u16(0)
        let count16 = zip64 ? UInt16(0xFFFF) : UInt16(entryCount)
        w.u16(count16); w.u16(count16)
        w.u32(centralSize >= max32 ? UInt32(max32) : UInt32(centralSize))
        w.u32(centralOffset >= max32 ? UInt32(max32) : UInt32(centralOffset))
        w.u16(0)
        return w.bytes
    }
}

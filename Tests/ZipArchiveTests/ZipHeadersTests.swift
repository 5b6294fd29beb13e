import Testing
@testable import ZipArchive

@Suite("Zip headers")
struct ZipHeadersTests {
    static func record(_ name: String, method: UInt16 = 8, size: UInt64 = 10, compressed: UInt64 = 8, offset: UInt64 = 0, mode: UInt32 = 0o100644, zip64: Bool = false) -> EntryRecord {
        EntryRecord(
            name: Array(name.utf8), method: method, crc: 0xCAFE_BABE, compressedSize: compressed,
            uncompressedSize: size, localHeaderOffset: offset, unixMode: mode, localZip64: zip64)
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }

    @Test("a local header has the signature, fixed 1980 timestamp, sizes and no extra field")
    func localHeaderBytes() {
        let bytes = Self.record("a.txt").localHeader()
        #expect(bytes == [
            0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x00,
            0xBE, 0xBA, 0xFE, 0xCA, 8, 0, 0, 0, 10, 0, 0, 0, 5, 0, 0, 0,
        ] + Array("a.txt".utf8))
    }

    @Test("a central header says made by Unix and carries the mode in the external attributes")
    func centralHeaderAttributes() {
        let bytes = Self.record("bin/tool", mode: 0o100755).centralHeader()
        #expect(Self.u32(bytes, 0) == 0x0201_4B50)
        #expect(Self.u16(bytes, 4) == 0x031E)
        #expect(Self.u32(bytes, 38) == 0o100755 << 16)
        #expect(Self.u16(bytes, 30) == 0, "no extra field")
        #expect(bytes.count == 46 + 8)
    }

    @Test("directories get the DOS directory bit and symlinks the link type")
    func directoryAndLinkAttributes() {
        let dir = Self.record("d/", method: 0, size: 0, compressed: 0, mode: 0o040755).centralHeader()
        #expect(Self.u32(dir, 38) == (0o040755 << 16 | 0x10))
        let link = Self.record("l", method: 0, mode: 0o120777).centralHeader()
        #expect(Self.u32(link, 38) == 0o120777 << 16)
    }

    @Test("non-ASCII names set the UTF-8 flag, ASCII names do not")
    func utf8Flag() {
        #expect(Self.u16(Self.record("ü.txt").localHeader(), 6) == 1 << 11)
        #expect(Self.u16(Self.record("u.txt").localHeader(), 6) == 0)
    }

    @Test("an offset past 4 GiB moves into a Zip64 extra field in the central header only")
    func zip64Offset() {
        let bytes = Self.record("x", offset: 5_000_000_000).centralHeader()
        #expect(Self.u32(bytes, 42) == 0xFFFF_FFFF)
        #expect(Self.u32(bytes, 20) == 8, "compressed size still fits")
        #expect(Self.u16(bytes, 30) == 12)
        #expect(Self.u16(bytes, 46 + 1) == 0x0001)
        #expect(Self.u16(bytes, 6) == 45)
    }

    @Test("a Zip64 local header has both sizes in its extra field")
    func zip64Local() {
        let bytes = Self.record("x", size: 5_000_000_000, compressed: 4_000_000_000, zip64: true).localHeader()
        #expect(Self.u32(bytes, 18) == 0xFFFF_FFFF)
        #expect(Self.u32(bytes, 22) == 0xFFFF_FFFF)
        #expect(Self.u16(bytes, 28) == 20)
        #expect(bytes.count == 30 + 1 + 20)
    }

    @Test("the end record is classic for small archives")
    func classicTrailer() {
        let bytes = ArchiveTrailer.bytes(entryCount: 3, centralOffset: 100, centralSize: 50)
        #expect(bytes.count == 22)
        #expect(Self.u16(bytes, 10) == 3)
        #expect(Self.u32(bytes, 12) == 50)
        #expect(Self.u32(bytes, 16) == 100)
    }

    @Test("70,000 entries need a Zip64 end record and locator before the classic record")
    func zip64Trailer() {
        let bytes = ArchiveTrailer.bytes(entryCount: 70_000, centralOffset: 1000, centralSize: 500)
        #expect(bytes.count == 56 + 20 + 22)
        #expect(Self.u32(bytes, 0) == 0x0606_4B50)
        #expect(Self.u32(bytes, 32) == 70_000)
        #expect(Self.u32(bytes, 56) == 0x0706_4B50)
        #expect(Self.u32(bytes, 64) == 1500, "locator points at the Zip64 end record")
        #expect(Self.u16(bytes, 76 + 10) == 0xFFFF)
    }
}

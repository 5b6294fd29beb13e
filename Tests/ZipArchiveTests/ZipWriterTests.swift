import Foundation
import Testing
@testable import ZipArchive

/// A fresh temporary directory removed when the value is dropped by the test.
struct TempDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "ziptests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o644) throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes), attributes: [.posixPermissions: mode])
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a command and returns its exit status and stdout.
func run(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Zip writer")
struct ZipWriterTests {
    static func text(_ lines: Int) -> [UInt8] {
        Array((0..<lines).map { "line \($0) of some compressible text\n" }.joined().utf8)
    }

    @Test("the same entries in any order give byte-identical archives")
    func deterministic() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let entries = [
            ZipEntry(name: "b.txt", kind: .data(Self.text(100)), permissions: 0o644),
            ZipEntry(name: "a/", kind: .directory, permissions: 0o755),
            ZipEntry(name: "a/c", kind: .symlink(target: "../b.txt"), permissions: 0o777),
        ]
        let first = try await ZipWriter().write(entries, to: dir.path + "/1.zip")
        let second = try await ZipWriter(options: ZipWriterOptions(concurrency: 1)).write(entries.reversed(), to: dir.path + "/2.zip")
        #expect(first == second)
        #expect(FileManager.default.contents(atPath: dir.path + "/1.zip") == FileManager.default.contents(atPath: dir.path + "/2.zip"))
        #expect(first.entries == 3)
    }

    @Test("a file split into many chunks round-trips through unzip and its CRC checks")
    func chunkedRoundTrip() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let content = Self.text(20_000)
        try dir.write("big.txt", content)
        let entry = ZipEntry(name: "big.txt", kind: .file(source: dir.path + "/big.txt", size: UInt64(content.count)), permissions: 0o644)
        let summary = try await ZipWriter(options: ZipWriterOptions(chunkSize: 64 * 1024)).write([entry], to: dir.path + "/out.zip")
        #expect(summary.zippedBytes < UInt64(content.count) / 3)
        let (status, extracted) = try run(["unzip", "-p", dir.path + "/out.zip", "big.txt"])
        #expect(status == 0)
        #expect(Array(extracted.utf8) == content)
        #expect(try run(["unzip", "-tq", dir.path + "/out.zip"]).0 == 0)
    }

    @Test("random data is stored, not deflated, and the digest matches the file's SHA-256")
    func storedRandom() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        let content = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try dir.write("r.bin", content)
        let entry = ZipEntry(name: "r.bin", kind: .file(source: dir.path + "/r.bin", size: 300_000), permissions: 0o644)
        let summary = try await ZipWriter(options: ZipWriterOptions(chunkSize: 100_000)).write([entry], to: dir.path + "/out.zip")
        let (_, listing) = try run(["zipinfo", dir.path + "/out.zip"])
        #expect(listing.contains("stor"))
        let (_, sha) = try run(["sha256sum", dir.path + "/out.zip"])
        let hex = summary.sha256.map { String(format: "%02x", $0) }.joined()
        #expect(sha.hasPrefix(hex))
    }

    @Test("a multi-chunk file that deflate does not shrink is rewritten stored, and the digest still matches")
    func storedFallback() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<250_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try dir.write("r.dat", random)
        try dir.write("t.txt", Self.text(5_000))
        let entries = [
            ZipEntry(name: "r.dat", kind: .file(source: dir.path + "/r.dat", size: 250_000), permissions: 0o644),
            ZipEntry(name: "t.txt", kind: .file(source: dir.path + "/t.txt", size: UInt64(Self.text(5_000).count)), permissions: 0o644),
        ]
        var options = ZipWriterOptions(chunkSize: 64 * 1024)
        options.samplesEntropy = false
        let summary = try await ZipWriter(options: options).write(entries, to: dir.path + "/out.zip")
        let (_, listing) = try run(["zipinfo", dir.path + "/out.zip"])
        #expect(listing.contains("250000 b- stor 80-Jan-01 00:00 r.dat"), "\(listing)")
        #expect(listing.contains("defN 80-Jan-01 00:00 t.txt"))
        let (status, extracted) = try run(["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; sys.stdout.write(z.read('r.dat').hex())", dir.path + "/out.zip"])
        #expect(status == 0)
        #expect(extracted == random.map { String(format: "%02x", $0) }.joined())
        let (_, sha) = try run(["sha256sum", dir.path + "/out.zip"])
        #expect(sha.hasPrefix(summary.sha256.map { String(format: "%02x", $0) }.joined()))
    }

    @Test("a file that changed size since the scan is an error naming it")
    func changedFile() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("f", Self.text(10))
        let entry = ZipEntry(name: "f", kind: .file(source: dir.path + "/f", size: 99_999), permissions: 0o644)
        await #expect(throws: ZipArchiveError.fileChanged(dir.path + "/f")) {
            _ = try await ZipWriter().write([entry], to: dir.path + "/out.zip")
        }
    }
}

@Suite("Zip writer with huge input")
struct ZipWriterHugeTests {
    /// Peak resident memory of this process so far, in KiB.
    static func peakKB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    @Test("a 5 GiB sparse file streams with bounded memory into a correct Zip64 entry (LAMBDACTL_SLOW_TESTS=1)",
          .enabled(if: ProcessInfo.processInfo.environment["LAMBDACTL_SLOW_TESTS"] == "1"))
    func sparseFile() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let size: UInt64 = 5 << 30
        try dir.write("sparse.bin", [])
        #expect(truncate(dir.path + "/sparse.bin", off_t(size)) == 0)
        let before = Self.peakKB()
        let entry = ZipEntry(name: "sparse.bin", kind: .file(source: dir.path + "/sparse.bin", size: size), permissions: 0o644)
        let summary = try await ZipWriter().write([entry], to: dir.path + "/out.zip")
        let grown = Self.peakKB() - before
        #expect(grown < 64 * 1024, "peak RSS grew by \(grown) KiB")
        #expect(summary.unzippedBytes == size)
        let script = "import zipfile,sys; i=zipfile.ZipFile(sys.argv[1]).getinfo('sparse.bin'); print(i.file_size, i.CRC)"
        let (_, info) = try run(["python3", "-c", script, dir.path + "/out.zip"])
        let (_, crc) = try run(["sh", "-c", "head -c 5368709120 /dev/zero | gzip -1 | tail -c8 | od -An -tu4 -N4"])
        #expect(info == "5368709120 \(crc.trimmingCharacters(in: .whitespacesAndNewlines))\n")
        #expect(try run(["unzip", "-tq", dir.path + "/out.zip"]).0 == 0)
    }
}

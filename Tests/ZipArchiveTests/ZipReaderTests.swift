import Foundation
import Testing
@testable import ZipArchive

@Suite("Zip reader")
struct ZipReaderTests {
    @Test("what the writer wrote reads back: names, permissions, symlinks, stored and deflated data")
    func roundTrip() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = ZipWriterTests.text(5_000)
        let entries = [
            ZipEntry(name: "app.py", kind: .data(text), permissions: 0o644),
            ZipEntry(name: "bin/", kind: .directory, permissions: 0o755),
            ZipEntry(name: "bin/run", kind: .data(Array("#!/bin/sh\n".utf8)), permissions: 0o755),
            ZipEntry(name: "blob", kind: .data(random), permissions: 0o600),
            ZipEntry(name: "empty", kind: .data([]), permissions: 0o644),
            ZipEntry(name: "link", kind: .symlink(target: "app.py"), permissions: 0o777),
        ]
        _ = try await ZipWriter().write(entries, to: dir.path + "/out.zip")
        let bytes = try #require(FileManager.default.contents(atPath: dir.path + "/out.zip"))
        let read = try ZipReader.entries([UInt8](bytes))
        #expect(read.map(\.name) == ["app.py", "bin/", "bin/run", "blob", "empty", "link"])
        #expect(read[0].data == text && read[0].permissions == 0o644)
        #expect(read[1].isDirectory)
        #expect(read[2].permissions == 0o755)
        #expect(read[3].data == random)
        #expect(read[4].data.isEmpty)
        #expect(read[5].isSymlink && read[5].data == Array("app.py".utf8))
    }

    @Test("an archive made by Info-ZIP zip reads back")
    func infoZip() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("src/a.txt", ZipWriterTests.text(300))
        try dir.write("src/b.txt", Array("short".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zip", "-qr", "../out.zip", "."]
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path + "/src")
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "zip is needed (Scripts/test installs it)")
        let read = try ZipReader.entries([UInt8](try #require(FileManager.default.contents(atPath: dir.path + "/out.zip"))))
        #expect(Set(read.map(\.name)) == ["a.txt", "b.txt"])
        #expect(read.first { $0.name == "a.txt" }?.data == ZipWriterTests.text(300))
    }

    @Test("a name that would leave the directory, damaged data or no archive at all is refused")
    func refusals() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        _ = try await ZipWriter().write([ZipEntry(name: "x", kind: .data(ZipWriterTests.text(100)), permissions: 0o644)], to: dir.path + "/ok.zip")
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: dir.path + "/ok.zip")))
        #expect(throws: ZipArchiveError.notAnArchive("no end of central directory record")) { try ZipReader.entries(Array("not a zip".utf8)) }
        bytes[40] ^= 0xFF  // inside the deflated data
        #expect(throws: ZipArchiveError.self) { try ZipReader.entries(bytes) }
        #expect(throws: ZipArchiveError.unsafeName("../etc/passwd")) { try ZipReader.checkName("../etc/passwd") }
        #expect(throws: ZipArchiveError.unsafeName("/abs")) { try ZipReader.checkName("/abs") }
        #expect(throws: Never.self) { try ZipReader.checkName("a/b..c/d") }
    }
}

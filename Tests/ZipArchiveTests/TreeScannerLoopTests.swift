import Foundation
import Testing
@testable import ZipArchive

@Suite("Tree scanner: symlink loops and names that are not UTF-8")
struct TreeScannerLoopTests {
    @Test("--follow-symlinks with a link back to an ancestor is a symlink-loop error naming the link")
    func followedLoopToAncestor() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("f", [1])
        try FileManager.default.createDirectory(atPath: dir.path + "/d", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/d/up", withDestinationPath: "..")
        #expect(throws: ZipArchiveError.symlinkLoop(path: dir.path + "/d/up", target: "..")) {
            try TreeScanner(policy: .lambdaLike, followSymlinks: true).scan(roots: [dir.path])
        }
        let kept = try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path])
        #expect(kept.entries.map(\.name) == ["d/", "d/up", "f"])
    }

    @Test("two links pointing at each other are reported as a loop, not as pointing nowhere")
    func mutualLinks() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/b", withDestinationPath: "a")
        let error = #expect(throws: ZipArchiveError.self) { try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path]) }
        let loops: [ZipArchiveError] = [.symlinkLoop(path: dir.path + "/a", target: "b"), .symlinkLoop(path: dir.path + "/b", target: "a")]
        #expect(error.map(loops.contains) == true)
    }

    @Test("a file name that is not valid UTF-8 is an error that says so instead of 'cannot be read'")
    func nonUTF8Name() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let bad = dir.path + "/caf\u{FFFD}.txt"
        var raw = Array((dir.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let created = raw.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(created >= 0)
        close(created)
        #expect(throws: ZipArchiveError.invalidName(bad)) { try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path]) }
    }
}

import Foundation
import Testing
import AWSTestSupport
import ZipArchive
@testable import Deployment

/// Unpacking a downloaded package: links inside the package are kept, a link out of it is
/// refused before anything is written.
@Suite("init --download-code: unpacking")
struct CodeDownloaderTests {
    /// Records what would be written.
    final class Recorder: FileWriting, @unchecked Sendable {
        var written: [String] = []
        func exists(_ path: String) -> Bool { false }
        func isTaken(_ path: String) -> Bool { false }
        func createDirectory(_ path: String) throws {}
        func write(_ data: Data, to path: String, permissions: Int) throws { written.append(path) }
        func createSymlink(_ path: String, to target: String) throws { written.append(path) }
    }

    static func link(_ name: String, to target: String) -> ZipReadEntry {
        ZipReadEntry(name: name, permissions: 0o777, data: Array(target.utf8), isSymlink: true)
    }

    @Test("a link within the package (node_modules/.bin style) is unpacked")
    func linkInside() throws {
        let recorder = Recorder()
        let downloader = CodeDownloader(transport: ScriptedTransport.unreachable(), files: recorder)
        let entries = [
            ZipReadEntry(name: "node_modules/tool/cli.js", permissions: 0o755, data: Array("x".utf8)),
            Self.link("node_modules/.bin/tool", to: "../tool/cli.js"),
        ]
        #expect(try downloader.unpack(entries, into: "/w/code/f") == 2)
        #expect(recorder.written == ["/w/code/f/node_modules/tool/cli.js", "/w/code/f/node_modules/.bin/tool"])
    }

    @Test("a link out of the package, absolute or by .., is refused and nothing is written", arguments: ["/etc", "../../outside", "a/../../.."])
    func linkOutside(target: String) {
        let recorder = Recorder()
        let downloader = CodeDownloader(transport: ScriptedTransport.unreachable(), files: recorder)
        let entries = [Self.link("escape", to: target), ZipReadEntry(name: "escape/passwd", permissions: 0o644, data: Array("x".utf8))]
        #expect(throws: InitError.self) { try downloader.unpack(entries, into: "/w/code/f") }
        #expect(recorder.written.isEmpty)
    }
}

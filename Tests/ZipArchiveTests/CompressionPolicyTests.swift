import Foundation
import Testing
@testable import ZipArchive

@Suite("Compression policy and modes")
struct CompressionPolicyTests {
    @Test("random bytes measure close to 8 bits per byte and are stored")
    func randomIsIncompressible() {
        var generator = SystemRandomNumberGenerator()
        let sample = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(sample.withUnsafeBytes { CompressionPolicy.entropy($0) } > 7.9)
        #expect(CompressionPolicy.looksIncompressible(samples: [sample, sample]))
    }

    @Test("text measures well under the threshold and is deflated")
    func textIsCompressible() {
        let text = Array(String(repeating: "def handler(event, context):\n    return 42\n", count: 100).utf8)
        #expect(text.withUnsafeBytes { CompressionPolicy.entropy($0) } < 5)
        #expect(!CompressionPolicy.looksIncompressible(samples: [Array(text.prefix(4096))]))
    }

    @Test("known compressed extensions are recognised case-insensitively", arguments: [
        ("a.zip", true), ("b/c.JPG", true), ("x.json.gz", true), ("w.woff2", true), ("a.py", false),
        ("dir.gz/file", false), ("noext", false),
    ])
    func extensions(name: String, expected: Bool) {
        #expect(CompressionPolicy.hasCompressedExtension(name) == expected)
    }

    @Test("modes normalise: exec bit to 0755, else 0644; bootstrap and extensions always 0755")
    func modes() {
        #expect(ArchivePolicy.lambdaLike.permissions(name: "a.py", isDirectory: false, diskMode: 0o600) == 0o644)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "bin/x", isDirectory: false, diskMode: 0o700) == 0o755)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "bin/x", isDirectory: false, diskMode: 0o641) == 0o755)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "bootstrap", isDirectory: false, diskMode: 0o644) == 0o755)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "sub/bootstrap", isDirectory: false, diskMode: 0o644) == 0o644)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "extensions/ext", isDirectory: false, diskMode: 0o644) == 0o755)
        #expect(ArchivePolicy.lambdaLike.permissions(name: "d", isDirectory: true, diskMode: 0o700) == 0o755)
    }

    @Test("entries sort by UTF-8 bytes, so uppercase before lowercase before non-ASCII")
    func sorting() {
        let names = ["é", "b", "B", "a/", "a/b", "a-"]
        let sorted = names.map { ZipEntry(name: $0, kind: .data([]), permissions: 0o644) }.sortedByName().map(\.name)
        #expect(sorted == ["B", "a-", "a/", "a/b", "b", "é"])
    }
}

import AWSCore
import Foundation
import Testing
@testable import Deployment

@Suite("--code DIRECTORY and deploy leave .git/ out unless include: names it")
struct DirectoryIncludesTests {
    /// A directory with app.py and a .git folder.
    func project() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/app.py", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: root + "/.git/HEAD", contents: Data("ref".utf8))
        return root
    }

    /// Entry names of the zip at `path` (central directory, read with unzip -Z1).
    func names(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-Z1", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init).sorted()
    }

    @Test("the loader packages without .git/ by default and with it when includes name it; the cache keys on both")
    func loaderIncludes() async throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let packager = PackageCache(wrapping: DirectoryPackager(scratch: { FileManager.default.temporaryDirectory }, files: LocalFileSystem(), temporarySuffix: ".tmp-test") { _ in })
        let plain = try await CodeLoader(packager: packager, files: LocalFileSystem()).load(root)
        #expect(try names(plain.path) == ["app.py"])
        let kept = try await CodeLoader(packager: packager, files: LocalFileSystem(), includes: [".git"]).load(root)
        #expect(try names(kept.path) == [".git/", ".git/HEAD", "app.py"])
        #expect(plain.codeSHA256 != kept.codeSHA256)
    }

    @Test("the config's top-level include: list is read")
    func configInclude() throws {
        let text = "function: {name: f, runtime: python3.13, handler: a.b, code: c}\ninclude: [.git, .env]\n"
        let config = try DeployConfigParser(path: "d.yml", environment: [:]).parse(text)
        #expect(config.include == [".git", ".env"])
        #expect(try DeployConfigParser(path: "d.yml", environment: [:]).parse("function: {name: f, runtime: r, handler: a.b, code: c}").include == [])
    }
}

import Foundation
import Testing

/// Bad inputs: each gives one line on stderr, a documented exit code (9 local input, 2 usage)
/// and never leaves a (partial) out.zip behind.
@Suite("lambdactl package refusals", .serialized)
struct PackageCommandErrorTests {
    static let fm = FileManager.default
    var fm: FileManager { Self.fm }

    /// Packages `inputs` into DIR/out.zip and checks the failure shape.
    static func expectRefusal(
        _ setUp: (String) throws -> [String], code: Int32, mentioning text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dir = try PackageCommandTests.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        try PackageCommandTests.write(dir + "/src/handler.py", "print(1)\n")
        let arguments = try setUp(dir)
        let result = try CommandRunner.run(["package"] + arguments)
        #expect(result.exitCode == code, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let leftovers = try fm.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("out.zip") }
        #expect(leftovers.isEmpty, "no partial output: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test("a missing input path exits 9 naming it")
    func missingPath() throws {
        try Self.expectRefusal({ ["\($0)/nope", "-o", "\($0)/out.zip"] }, code: 9, mentioning: "nope: no such file")
    }

    @Test("an unreadable entry (a dangling symlink) exits 9 naming it")
    func unreadable() throws {
        // Tests run as root, for whom chmod 000 files stay readable; a dangling link and a FIFO
        // are entries that cannot be packaged whoever runs the test.
        try Self.expectRefusal({ dir in
            try fm.createSymbolicLink(atPath: dir + "/src/gone", withDestinationPath: "missing.txt")
            return [dir + "/src", "-o", dir + "/out.zip"]
        }, code: 9, mentioning: "gone: symlink to missing.txt points nowhere")
    }

    @Test("a FIFO in the tree exits 9 naming it")
    func fifo() throws {
        try Self.expectRefusal({ dir in
            #expect(mkfifo(dir + "/src/pipe", 0o644) == 0)
            return [dir + "/src", "-o", dir + "/out.zip"]
        }, code: 9, mentioning: "pipe: not a regular file")
    }

    @Test("an output path inside the input tree exits 9 and says where to write instead")
    func outputInsideInput() throws {
        let dir = try PackageCommandTests.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        try PackageCommandTests.write(dir + "/src/handler.py", "print(1)\n")
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/src/out.zip"])
        #expect(result.exitCode == 9)
        #expect(result.stderr.contains("is inside the input"))
        #expect(try fm.contentsOfDirectory(atPath: dir + "/src") == ["handler.py"])
    }

    @Test("a symlink escaping the tree exits 9 naming it and suggests --follow-symlinks")
    func escapingSymlink() throws {
        try Self.expectRefusal({ dir in
            try PackageCommandTests.write(dir + "/outside.txt", "secret")
            try fm.createSymbolicLink(atPath: dir + "/src/leak", withDestinationPath: "../outside.txt")
            return [dir + "/src", "-o", dir + "/out.zip"]
        }, code: 9, mentioning: "leak: symlink to ../outside.txt points outside the package; pass --follow-symlinks")
    }

    @Test("--follow-symlinks stores an escaping link's content")
    func followSymlinks() throws {
        let dir = try PackageCommandTests.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        try PackageCommandTests.write(dir + "/outside.txt", "shared")
        try PackageCommandTests.write(dir + "/src/handler.py", "print(1)\n")
        try fm.createSymbolicLink(atPath: dir + "/src/leak", withDestinationPath: "../outside.txt")
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/out.zip", "--follow-symlinks"])
        #expect(result.exitCode == 0)
        let (_, content) = try PackageCommandTests.tool(["unzip", "-p", dir + "/out.zip", "leak"])
        #expect(content == "shared")
    }

    @Test("--runtime provided.al2023 without bootstrap exits 9 and says to add one")
    func missingBootstrap() throws {
        try Self.expectRefusal({ ["\($0)/src", "-o", "\($0)/out.zip", "--runtime", "provided.al2023"] },
            code: 9, mentioning: "needs an executable file named bootstrap")
    }

    @Test("a level outside 0–9 is a usage error (exit 2)")
    func badLevel() throws {
        let dir = try PackageCommandTests.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        let result = try CommandRunner.run(["package", dir, "-o", dir + "/../x.zip", "--level", "12"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--level must be 0"))
    }

    @Test("more than 250 MB unzipped (a sparse file) exits 9 before writing anything")
    func tooLarge() throws {
        try Self.expectRefusal({ dir in
            #expect(truncate(dir + "/src/handler.py", 300_000_000) == 0)
            return [dir + "/src", "-o", dir + "/out.zip"]
        }, code: 9, mentioning: "over Lambda's 250 MB limit")
    }

    @Test("an output path that exists but is not a regular file (a FIFO) is refused and left alone")
    func outputIsFIFO() throws {
        let dir = try PackageCommandTests.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        try PackageCommandTests.write(dir + "/src/a.txt", "a")
        #expect(mkfifo(dir + "/out.fifo", 0o644) == 0)
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/out.fifo"])
        #expect(result.exitCode == 9)
        #expect(result.stderr.contains("out.fifo: exists and is not a regular file"))
        var info = stat()
        #expect(stat(dir + "/out.fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}

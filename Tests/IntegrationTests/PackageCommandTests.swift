import Foundation
import Testing

/// Runs `lambdactl package` as a user would and checks the zip with independent readers
/// (`unzip`, `zipinfo`, Python's `zipfile`). Needs `swift build` to have built the binary.
@Suite("lambdactl package", .serialized)
struct PackageCommandTests {
    static let fm = FileManager.default

    /// A scratch directory for one test.
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "pkgtests-" + UUID().uuidString
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]))
    }

    /// Builds the sample function tree; `reversed` creates the same files in the opposite order.
    static func makeTree(_ root: String, reversed: Bool = false) throws {
        var steps: [() throws -> Void] = [
            { try write(root + "/handler.py", String(repeating: "print('hello')\n", count: 200)) },
            { try write(root + "/bootstrap", "#!/bin/sh\nexec ./handler\n", mode: 0o644) },
            { try write(root + "/bin/tool", "binary", mode: 0o744) },
            { try write(root + "/extensions/ext", "ext", mode: 0o600) },
            { try write(root + "/lib/libx.so.1.0", "lib", mode: 0o755) },
            {
                try fm.createDirectory(atPath: root + "/lib", withIntermediateDirectories: true)
                try fm.createSymbolicLink(atPath: root + "/lib/libx.so.1", withDestinationPath: "libx.so.1.0")
            },
            { try fm.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true) },
            { try write(root + "/data/héllo wörld.txt", "unicode and spaces") },
            { try write(root + "/data/a b.json", "{\"a\": 1}") },
        ]
        if reversed { steps.reverse() }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        for step in steps { try step() }
    }

    /// Runs a tool and returns its status and stdout.
    static func tool(_ arguments: [String]) throws -> (Int32, String) {
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

    /// Python's zipfile: testzip, then every regular entry equal to the source file; prints
    /// `name mode` per entry.
    static let pythonCheck = """
        import sys, zipfile, os
        z = zipfile.ZipFile(sys.argv[1]); src = sys.argv[2]
        assert z.testzip() is None
        for i in z.infolist():
            mode = i.external_attr >> 16
            if mode & 0o170000 == 0o100000:
                assert z.read(i) == open(os.path.join(src, i.filename), 'rb').read(), i.filename
            if mode & 0o170000 == 0o120000:
                assert z.read(i).decode() == os.readlink(os.path.join(src, i.filename)), i.filename
            print(i.filename, oct(mode), i.date_time[0], i.create_system)
        """

    @Test("a tree round-trips through unzip, zipinfo and Python with normalised modes")
    func roundTrip() throws {
        let dir = try Self.scratch()
        defer { try? Self.fm.removeItem(atPath: dir) }
        try Self.makeTree(dir + "/src")
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/out.zip"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("entries: 13"))
        #expect(try Self.tool(["unzip", "-tq", dir + "/out.zip"]).0 == 0)
        let (status, listing) = try Self.tool(["python3", "-c", Self.pythonCheck, dir + "/out.zip", dir + "/src"])
        #expect(status == 0)
        let modes = Dictionary(uniqueKeysWithValues: listing.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: " ")
            return (parts.dropLast(3).joined(separator: " "), String(parts[parts.count - 3]))
        })
        #expect(modes["bootstrap"] == "0o100755")
        #expect(modes["bin/tool"] == "0o100755")
        #expect(modes["extensions/ext"] == "0o100755")
        #expect(modes["handler.py"] == "0o100644")
        #expect(modes["lib/libx.so.1"] == "0o120777")
        #expect(modes["empty/"] == "0o40755")
        #expect(modes["data/héllo wörld.txt"] == "0o100644")
        #expect(listing.contains(" 1980 3"), "fixed 1980 timestamp, made by Unix")
        let (_, info) = try Self.tool(["zipinfo", dir + "/out.zip"])
        #expect(info.contains("-rwxr-xr-x  3.0 unx       25 t- stor 80-Jan-01 00:00 bootstrap")
            || info.contains("-rwxr-xr-x  3.0 unx       25 b- stor 80-Jan-01 00:00 bootstrap"))
        #expect(info.contains("lrwxrwxrwx"))
    }

    @Test("packaging twice, or a tree created in another order, gives identical bytes")
    func deterministic() throws {
        let dir = try Self.scratch()
        defer { try? Self.fm.removeItem(atPath: dir) }
        try Self.makeTree(dir + "/a")
        try Self.makeTree(dir + "/b", reversed: true)
        for (source, output) in [("a", "1.zip"), ("a", "2.zip"), ("b", "3.zip")] {
            let result = try CommandRunner.run(["package", dir + "/" + source, "-o", dir + "/" + output])
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let first = Self.fm.contents(atPath: dir + "/1.zip")
        #expect(first != nil)
        #expect(first == Self.fm.contents(atPath: dir + "/2.zip"))
        #expect(first == Self.fm.contents(atPath: dir + "/3.zip"))
    }

    @Test("--output json reports entries, sizes, CodeSha256 (base64 SHA-256 of the zip) and warnings")
    func json() throws {
        let dir = try Self.scratch()
        defer { try? Self.fm.removeItem(atPath: dir) }
        try Self.makeTree(dir + "/src")
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/out.zip", "--output", "json"])
        #expect(result.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["entries"] as? Int == 13)
        let data = try #require(Self.fm.contents(atPath: dir + "/out.zip"))
        #expect(object["zippedBytes"] as? Int == data.count)
        let (_, sha) = try Self.tool(["sh", "-c", "sha256sum \"$0\" | cut -c1-64 | xxd -r -p | base64", dir + "/out.zip"])
        #expect(object["codeSha256"] as? String == sha.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect((object["warnings"] as? [String])?.contains { $0.contains("extensions/") } == true)
        #expect(result.stderr.contains("warning: extensions/"))
    }

    @Test("70,000 entries produce a correct Zip64 archive")
    func zip64Entries() throws {
        let dir = try Self.scratch()
        defer { try? Self.fm.removeItem(atPath: dir) }
        // Python creates the 70,000 files far faster than FileManager's atomic writes.
        let make = """
            import os, sys
            for b in range(70):
                os.makedirs(f'{sys.argv[1]}/d{b}')
                for i in range(1000):
                    with open(f'{sys.argv[1]}/d{b}/f{i}', 'w') as f: f.write(str(i))
            """
        #expect(try Self.tool(["python3", "-c", make, dir + "/src"]).0 == 0)
        let result = try CommandRunner.run(["package", dir + "/src", "-o", dir + "/out.zip"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("entries: 70070"))
        #expect(try Self.tool(["unzip", "-tq", dir + "/out.zip"]).0 == 0)
        let script = "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), z.read('d69/f999').decode())"
        let (status, out) = try Self.tool(["python3", "-c", script, dir + "/out.zip"])
        #expect(status == 0)
        #expect(out == "70070 999\n")
    }
}

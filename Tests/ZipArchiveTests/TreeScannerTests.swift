import Foundation
import Testing
@testable import ZipArchive

@Suite("Tree scanner")
struct TreeScannerTests {
    @Test("directories, files, modes and .lambdaignore come out sorted and normalised")
    func scan() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("bootstrap", Array("#!/bin/sh\n".utf8), mode: 0o644)
        try dir.write("bin/tool", [1, 2], mode: 0o700)
        try dir.write("lib/a.py", [3], mode: 0o600)
        try dir.write("lib/a.pyc", [4])
        try dir.write("tests/t.py", [5])
        try dir.write(".lambdaignore", Array("*.pyc\n/tests/\n".utf8))
        try FileManager.default.createDirectory(atPath: dir.path + "/empty", withIntermediateDirectories: true)
        let tree = try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path])
        #expect(tree.entries.map(\.name) == ["bin/", "bin/tool", "bootstrap", "empty/", "lib/", "lib/a.py"])
        #expect(tree.entries.map(\.permissions) == [0o755, 0o755, 0o755, 0o755, 0o755, 0o644])
        #expect(tree.notWorldReadable == ["bin/tool", "lib/a.py"])
    }

    @Test("--exclude patterns apply like ignore-file lines")
    func excludes() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", [1])
        try dir.write("node_modules/x/y.js", [2])
        let tree = try TreeScanner(policy: .lambdaLike, excludes: ["node_modules/"]).scan(roots: [dir.path])
        #expect(tree.entries.map(\.name) == ["a.txt"])
    }

    @Test(".git/, .svn/, .hg/ and .DS_Store are left out by default, at any depth; --include and !lines put them back")
    func defaultExcludes() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        for name in [".git/HEAD", ".svn/entries", "lib/.hg/store", ".DS_Store", "lib/.DS_Store", "lib/a.py", ".gitignore"] {
            try dir.write(name, [1])
        }
        #expect(try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path]).entries.map(\.name) == [".gitignore", "lib/", "lib/a.py"])
        let included = try TreeScanner(policy: .lambdaLike, includes: [".git", ".DS_Store"]).scan(roots: [dir.path]).entries.map(\.name)
        #expect(included == [".DS_Store", ".git/", ".git/HEAD", ".gitignore", "lib/", "lib/.DS_Store", "lib/a.py"])
        try dir.write(".lambdaignore", Array("!.hg/\n".utf8))
        #expect(try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path]).entries.map(\.name).contains("lib/.hg/store"))
        let file = try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path + "/.DS_Store"])
        #expect(file.entries.map(\.name) == [".DS_Store"])
    }

    @Test("--include puts back what --exclude or .lambdaignore left out")
    func includesWin() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", [1])
        try dir.write("b.log", [2])
        try dir.write(".lambdaignore", Array("*.txt\n".utf8))
        let tree = try TreeScanner(policy: .lambdaLike, excludes: ["*.log"], includes: ["a.txt", "b.log"]).scan(roots: [dir.path])
        #expect(tree.entries.map(\.name) == ["a.txt", "b.log"])
    }

    @Test("a symlink inside the tree is kept as a link, one escaping it is an error naming it")
    func symlinks() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("lib/real.so", [1])
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/lib/link.so", withDestinationPath: "real.so")
        let tree = try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path])
        #expect(tree.entries.last == ZipEntry(name: "lib/real.so", kind: .file(source: dir.path + "/lib/real.so", size: 1), permissions: 0o644))
        #expect(tree.entries.contains(ZipEntry(name: "lib/link.so", kind: .symlink(target: "real.so"), permissions: 0o777)))
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/out", withDestinationPath: "/etc/hostname")
        #expect(throws: ZipArchiveError.escapingSymlink(path: dir.path + "/out", target: "/etc/hostname")) {
            try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path])
        }
        let followed = try TreeScanner(policy: .lambdaLike, followSymlinks: true).scan(roots: [dir.path])
        #expect(followed.entries.first { $0.name == "out" }.map { if case .file = $0.kind { true } else { false } } == true)
    }

    @Test("a missing root is an error naming it; a file root is stored under its base name")
    func roots() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        #expect(throws: ZipArchiveError.missingPath(dir.path + "/nope")) { try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path + "/nope"]) }
        try dir.write("build/app", [1], mode: 0o755)
        let tree = try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path + "/build/app"])
        #expect(tree.entries.map(\.name) == ["app"])
        #expect(throws: ZipArchiveError.duplicateName("app")) {
            try TreeScanner(policy: .lambdaLike).scan(roots: [dir.path + "/build/app", dir.path + "/build"])
        }
    }

    @Test("absolute link targets inside the tree become relative; lexical escapes are detected", arguments: [
        ("a/b/link", "../c", true), ("link", "../x", false), ("a/link", "/abs", false), ("a/link", "./b/../c", true),
    ])
    func lexicalTargets(link: String, target: String, inside: Bool) {
        #expect(Walk.staysInside(link: link, target: target) == inside)
    }

    @Test("relative targets are computed from the link's directory")
    func relativeTargets() {
        #expect(Walk.relativeTarget(link: "a/b/link", resolved: "a/c/file") == "../c/file")
        #expect(Walk.relativeTarget(link: "link", resolved: "x/y") == "x/y")
    }
}

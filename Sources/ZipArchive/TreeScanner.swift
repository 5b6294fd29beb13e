#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What a scan found: the entries to write and facts callers may warn about.
package struct ScannedTree: Sendable, Equatable {
    /// Entries, sorted by name.
    package var entries: [ZipEntry]
    /// Names of files other users cannot read on disk (Lambda runs code as another user).
    package var notWorldReadable: [String]

    /// Creates a result (the scanner does; tests and callers with generated entries may too).
    package init(entries: [ZipEntry], notWorldReadable: [String] = []) {
        self.entries = entries
        self.notWorldReadable = notWorldReadable
    }
}

/// Walks input paths into zip entries: applies the exclude patterns and each directory root's
/// ignore file (both from the caller's `ArchivePolicy`), normalises modes, and keeps symlinks
/// that stay inside their root as links. The only file-system reader of the module besides the
/// writer's chunk jobs.
package struct TreeScanner: Sendable {
    /// The ignore file, default excludes and executable names of the format being packaged.
    package var policy: ArchivePolicy
    /// Caller patterns, applied after the policy's defaults and before the ignore file's.
    package var excludes: [String]
    /// Patterns applied last: they put back what the defaults, the excludes or the ignore file
    /// left out (`.git` keeps the `.git/` folder).
    package var includes: [String]
    /// Store the content a symlink points to instead of the link.
    package var followSymlinks: Bool

    /// Creates a scanner for the format `policy` describes.
    package init(policy: ArchivePolicy, excludes: [String] = [], includes: [String] = [], followSymlinks: Bool = false) {
        self.policy = policy
        self.excludes = excludes
        self.includes = includes
        self.followSymlinks = followSymlinks
    }

    /// The rules for one directory root: defaults, excludes, the ignore file, then the
    /// includes as negations (the last matching pattern wins).
    func rules(ignoreFile: String?) -> IgnoreRules {
        var lines = policy.defaultExcludes + excludes
        if let ignoreFile { lines += ignoreFile.split(whereSeparator: \.isNewline).map(String.init) }
        lines += includes.map { $0.hasPrefix("!") ? String($0.dropFirst()) : "!" + $0 }
        return IgnoreRules(lines: lines)
    }

    /// Scans `roots`: a directory contributes its contents at the archive root, a file itself
    /// under its base name.
    package func scan(roots: [String]) throws -> ScannedTree {
        var state = ScanState()
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                if lstat(root, &info) == 0 { throw ZipArchiveError.danglingSymlink(path: root, target: Self.readLink(root) ?? "?") }
                throw ZipArchiveError.missingPath(root)
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let real = Self.realPath(root) ?? root
                let rules = rules(ignoreFile: policy.ignoreFileName.flatMap { Self.readSmallFile(root + "/" + $0) })
                let walk = Walk(root: root, rootReal: real, rules: rules, policy: policy, followSymlinks: followSymlinks)
                try walk.directory(path: root, relative: "", state: &state, depth: 0, ancestors: [real])
            } else if info.st_mode & S_IFMT == S_IFREG {
                let name = String(root.split(separator: "/").last ?? Substring(root))
                try state.addFile(name: name, path: root, info: info, policy: policy)
            } else {
                throw ZipArchiveError.unsupportedFileType(root)
            }
        }
        return ScannedTree(entries: state.entries.sortedByName(), notWorldReadable: state.notWorldReadable.sorted())
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Entries collected so far across roots.
struct ScanState {
    var entries: [ZipEntry] = []
    var names: [String: Bool] = [:]  // name → is directory
    var notWorldReadable: [String] = []

    mutating func addDirectory(name: String) throws {
        let entryName = name + "/"
        if let isDirectory = names[entryName] {
            if isDirectory { return }
            throw ZipArchiveError.duplicateName(name)
        }
        names[entryName] = true
        entries.append(ZipEntry(name: entryName, kind: .directory, permissions: 0o755))
    }

    mutating func add(_ entry: ZipEntry) throws {
        guard names[entry.name] == nil, names[entry.name + "/"] == nil else { throw ZipArchiveError.duplicateName(entry.name) }
        names[entry.name] = false
        entries.append(entry)
    }

    mutating func addFile(name: String, path: String, info: stat, policy: ArchivePolicy) throws {
        guard access(path, R_OK) == 0 else {
            throw ZipArchiveError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if info.st_mode & 0o004 == 0 { notWorldReadable.append(name) }
        let permissions = policy.permissions(name: name, isDirectory: false, diskMode: UInt32(info.st_mode))
        try add(ZipEntry(name: name, kind: .file(source: path, size: UInt64(info.st_size)), permissions: permissions))
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The recursive walk of one directory root.
struct Walk {
    let root: String
    let rootReal: String
    let rules: IgnoreRules
    let policy: ArchivePolicy
    let followSymlinks: Bool

    static let maxDepth = 64

    /// Adds everything under `path` (archive prefix `relative`, empty at the root).
    /// `ancestors` holds the real paths of the directories from the root down to `path`
    /// (inclusive), so a followed link back into one of them is reported as a loop.
    func directory(path: String, relative: String, state: inout ScanState, depth: Int, ancestors: [String]) throws {
        guard depth < Self.maxDepth else { throw ZipArchiveError.unsupportedFileType(path + " (nested too deeply; a symlink loop?)") }
        for name in try Self.list(path) {
            let full = path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty && name == policy.ignoreFileName { continue }
            var info = stat()
            guard lstat(full, &info) == 0 else { throw ZipArchiveError.unreadable(path: full, reason: String(cString: strerror(errno))) }
            let type = info.st_mode & S_IFMT
            if rules.isIgnored(rel, isDirectory: type == S_IFDIR) { continue }
            switch type {
            case S_IFDIR:
                try state.addDirectory(name: rel)
                try directory(path: full, relative: rel, state: &state, depth: depth + 1, ancestors: ancestors + [(ancestors.last ?? rootReal) + "/" + name])
            case S_IFREG:
                try state.addFile(name: rel, path: full, info: info, policy: policy)
            case S_IFLNK:
                try symlink(path: full, relative: rel, state: &state, depth: depth, ancestors: ancestors)
            default:
                throw ZipArchiveError.unsupportedFileType(full)
            }
        }
    }

    private func symlink(path: String, relative: String, state: inout ScanState, depth: Int, ancestors: [String]) throws {
        let target = TreeScanner.readLink(path) ?? ""
        var info = stat()
        guard stat(path, &info) == 0, let real = TreeScanner.realPath(path) else {
            if errno == ELOOP { throw ZipArchiveError.symlinkLoop(path: path, target: target) }
            throw ZipArchiveError.danglingSymlink(path: path, target: target)
        }
        if followSymlinks {
            if info.st_mode & S_IFMT == S_IFDIR {
                if rules.isIgnored(relative, isDirectory: true) { return }
                if ancestors.contains(real) { throw ZipArchiveError.symlinkLoop(path: path, target: target) }
                try state.addDirectory(name: relative)
                try directory(path: path, relative: relative, state: &state, depth: depth + 1, ancestors: ancestors + [real])
            } else if info.st_mode & S_IFMT == S_IFREG {
                try state.addFile(name: relative, path: path, info: info, policy: policy)
            } else {
                throw ZipArchiveError.unsupportedFileType(path)
            }
            return
        }
        guard real == rootReal || real.hasPrefix(rootReal + "/") else {
            throw ZipArchiveError.escapingSymlink(path: path, target: target)
        }
        let stored = Self.staysInside(link: relative, target: target)
            ? target : Self.relativeTarget(link: relative, resolved: String(real.dropFirst(rootReal.count + 1)))
        try state.add(ZipEntry(name: relative, kind: .symlink(target: stored), permissions: 0o777))
    }

    /// Whether a relative `target`, read lexically from the link's directory, never leaves the root.
    static func staysInside(link: String, target: String) -> Bool {
        if target.hasPrefix("/") { return false }
        var parts = link.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return false }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return true
    }

    /// A relative path from the link's directory to `resolved` (both relative to the root).
    static func relativeTarget(link: String, resolved: String) -> String {
        let from = link.split(separator: "/").dropLast().map(String.init)
        let to = resolved.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    /// Names in a directory, without `.` and `..`.
    static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else {
            throw ZipArchiveError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                throw ZipArchiveError.invalidName(path + "/" + String(decoding: bytes, as: UTF8.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

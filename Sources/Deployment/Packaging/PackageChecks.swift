import ZipArchive

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Pure checks on a scanned tree: refusals throw, the rest become warnings.
package enum PackageChecks {
    /// Throws for unsafe names, a package over the unzipped limit, or a custom runtime without
    /// `bootstrap`; returns warnings for the rest (`extensions/` only for a function package).
    package static func check(_ tree: ScannedTree, runtime: String?, kind: PackageKind = .function) throws -> [PackageWarning] {
        var warnings: [PackageWarning] = []
        for entry in tree.entries where isUnsafe(entry.name) {
            throw PackagingError.archive(.unsafeName(entry.name))
        }
        let unzipped = tree.entries.reduce(0) { $0 + $1.size }
        if unzipped > PackageBuilder.unzippedLimit { throw PackagingError.tooLargeUnzipped(bytes: unzipped) }
        if let runtime, runtime.hasPrefix("provided") {
            let bootstrap = tree.entries.first { $0.name == "bootstrap" }
            switch bootstrap?.kind {
            case .file, .symlink, .data: break
            default: throw PackagingError.missingBootstrap(runtime: runtime)
            }
        }
        if !tree.notWorldReadable.isEmpty { warnings.append(.notWorldReadable(tree.notWorldReadable)) }
        let secrets = tree.entries.map(\.name).filter(isLikelySecret)
        if !secrets.isEmpty { warnings.append(.likelySecrets(secrets)) }
        if kind == .function, tree.entries.contains(where: { $0.name == "extensions/" }) {
            warnings.append(.extensionsInFunction)
        }
        return warnings
    }

    /// Whether an entry looks like a secret: a dotenv file (`.env`, `.env.production`, not
    /// `.env.example`/`.sample`/`.template`) or a private key (`*.pem`, `*.key`, `id_rsa`,
    /// `id_dsa`, `id_ecdsa`, `id_ed25519`).
    package static func isLikelySecret(_ name: String) -> Bool {
        guard !name.hasSuffix("/") else { return false }
        let base = name.split(separator: "/").last.map(String.init) ?? name
        if base == ".env" { return true }
        if base.hasPrefix(".env.") {
            return ![".env.example", ".env.sample", ".env.template", ".env.dist"].contains(base)
        }
        if ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"].contains(base) { return true }
        let lower = base.lowercased()
        return lower.hasSuffix(".pem") || lower.hasSuffix(".key")
    }

    /// Names with a `..` component or a leading `/` (they could extract outside the target).
    package static func isUnsafe(_ name: String) -> Bool {
        name.hasPrefix("/") || name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

/// The resolved output path and the temporary file written beside it.
struct OutputLocation {
    /// The path as given.
    let path: String
    /// The absolute, symlink-resolved path.
    let resolved: String

    init(_ path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else {
            throw PackagingError.badOutput(path: path, reason: "is not a file name")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let reason = info.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "exists and is not a regular file"
            throw PackagingError.badOutput(path: path, reason: reason)
        }
        guard let real = Self.realPath(directory) else {
            throw PackagingError.badOutput(path: path, reason: "its directory does not exist")
        }
        resolved = (real == "/" ? "" : real) + "/" + name
    }

    /// Refuses an output inside any directory root.
    func checkOutside(roots: [String]) throws {
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                var linkInfo = stat()
                if lstat(root, &linkInfo) == 0 { continue }  // the scanner names the dangling link
                throw PackagingError.archive(.missingPath(root))
            }
            guard info.st_mode & S_IFMT == S_IFDIR, let real = Self.realPath(root) else { continue }
            if resolved.hasPrefix(real == "/" ? "/" : real + "/") {
                throw PackagingError.outputInsideInput(output: path, root: root)
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

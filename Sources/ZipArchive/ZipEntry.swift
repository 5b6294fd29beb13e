/// One entry of an archive: its name inside the zip, what it is, and its Unix permission bits.
package struct ZipEntry: Sendable, Equatable {
    /// What an entry holds.
    package enum Kind: Sendable, Equatable {
        /// A directory; its name ends with `/`.
        case directory
        /// A regular file whose bytes are read from `source` (a path on disk) when written;
        /// `size` is the size seen when the tree was scanned.
        case file(source: String, size: UInt64)
        /// A symbolic link whose stored content is `target`.
        case symlink(target: String)
        /// Bytes held in memory (small generated files and tests).
        case data([UInt8])
    }

    /// The name inside the archive, `/`-separated, relative, directories ending with `/`.
    package var name: String
    /// What the entry holds.
    package var kind: Kind
    /// Permission bits (`0o755`, `0o644`); the file type bits are added from `kind`.
    package var permissions: UInt16

    /// Creates an entry.
    package init(name: String, kind: Kind, permissions: UInt16) {
        self.name = name
        self.kind = kind
        self.permissions = permissions
    }

    /// The uncompressed size of the entry's content.
    package var size: UInt64 {
        switch kind {
        case .directory: 0
        case .file(_, let size): size
        case .symlink(let target): UInt64(target.utf8.count)
        case .data(let bytes): UInt64(bytes.count)
        }
    }

    /// The Unix mode with file type bits: `0o40755`, `0o100644`, `0o120777`.
    package var unixMode: UInt32 {
        switch kind {
        case .directory: 0o040000 | UInt32(permissions)
        case .symlink: 0o120777
        case .file, .data: 0o100000 | UInt32(permissions)
        }
    }
}

extension Array where Element == ZipEntry {
    /// The entries sorted by the UTF-8 bytes of their names, the same order on every machine.
    package func sortedByName() -> [ZipEntry] {
        let keys = map { [UInt8]($0.name.utf8) }
        let inOrder = Swift.zip(keys, keys.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }
        if inOrder { return self }
        return Swift.zip(keys, self).sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }
}

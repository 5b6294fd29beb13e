import Foundation

/// The machine's file system: the one `FileSystemView` that touches the disk. The composition
/// root creates it and hands it to the use cases, the shared-config loader and the credential
/// providers.
package struct LocalFileSystem: FileSystemView {
    /// Creates the view.
    package init() {}

    package func kind(at path: String) -> FileKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }

    package func isReadable(at path: String) -> Bool {
        FileManager.default.isReadableFile(atPath: path)
    }

    package func contents(at path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    package func prefix(_ count: Int, at path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)) ?? Data()
    }

    package func read(_ path: String, chunkSize: Int, _ body: (Data) throws -> Void) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { return true }
            try body(chunk)
        }
    }

    package func replaceOwnerOnly(_ path: String, with data: Data) -> Bool {
        let temporary = path + ".\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { return false }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
        return true
    }
}

import AWSCore
import Foundation
import Synchronization

/// A `FileSystemView` over files held in memory: tests hand it to the use cases instead of
/// writing temporary files (use cases, the shared-config loader, credential providers). Directories exist implicitly above every file and can be added
/// empty; a path in `unreadable` exists but cannot be read.
package final class InMemoryFileSystem: FileSystemView {
    private let state: Mutex<(files: [String: Data], directories: Set<String>, unreadable: Set<String>)>

    /// Creates a file system holding `files` (path → content).
    package init(_ files: [String: Data] = [:], directories: Set<String> = [], unreadable: Set<String> = []) {
        state = Mutex((files, directories, unreadable))
    }

    /// Creates a file system holding text files.
    package convenience init(text: [String: String], directories: Set<String> = [], unreadable: Set<String> = []) {
        self.init(text.mapValues { Data($0.utf8) }, directories: directories, unreadable: unreadable)
    }

    /// Adds or replaces a file.
    package func write(_ path: String, _ data: Data) { state.withLock { _ = $0.files.updateValue(data, forKey: path) } }

    package func kind(at path: String) -> FileKind? {
        state.withLock { state in
            if state.files[path] != nil { return .file }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if state.directories.contains(path) || state.files.keys.contains(where: { $0.hasPrefix(prefix) }) { return .directory }
            return nil
        }
    }

    package func isReadable(at path: String) -> Bool {
        state.withLock { $0.files[path] != nil && !$0.unreadable.contains(path) }
    }

    package func contents(at path: String) -> Data? {
        state.withLock { $0.unreadable.contains(path) ? nil : $0.files[path] }
    }

    package func prefix(_ count: Int, at path: String) -> Data? {
        contents(at: path).map { Data($0.prefix(count)) }
    }

    package func read(_ path: String, chunkSize: Int, _ body: (Data) throws -> Void) throws -> Bool {
        guard let data = contents(at: path) else { return false }
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = min(offset + chunkSize, data.endIndex)
            try body(data[offset..<end])
            offset = end
        }
        return true
    }

    package func replaceOwnerOnly(_ path: String, with data: Data) -> Bool {
        state.withLock { state in
            guard !state.unreadable.contains(path) else { return false }
            state.files[path] = data
            return true
        }
    }

    /// The file's content as text, nil when there is none.
    package func text(at path: String) -> String? {
        contents(at: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

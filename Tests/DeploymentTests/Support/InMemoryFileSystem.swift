import Deployment
import Foundation
import Synchronization

/// A `FileSystemView` over files held in memory: tests hand it to the use cases instead of
/// writing temporary files. Directories exist implicitly above every file and can be added
/// empty; a path in `unreadable` exists but cannot be read.
final class InMemoryFileSystem: FileSystemView {
    private let state: Mutex<(files: [String: Data], directories: Set<String>, unreadable: Set<String>)>

    /// Creates a file system holding `files` (path → content).
    init(_ files: [String: Data] = [:], directories: Set<String> = [], unreadable: Set<String> = []) {
        state = Mutex((files, directories, unreadable))
    }

    /// Creates a file system holding text files.
    convenience init(text: [String: String], directories: Set<String> = [], unreadable: Set<String> = []) {
        self.init(text.mapValues { Data($0.utf8) }, directories: directories, unreadable: unreadable)
    }

    /// Adds or replaces a file.
    func write(_ path: String, _ data: Data) { state.withLock { _ = $0.files.updateValue(data, forKey: path) } }

    func kind(at path: String) -> FileKind? {
        state.withLock { state in
            if state.files[path] != nil { return .file }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if state.directories.contains(path) || state.files.keys.contains(where: { $0.hasPrefix(prefix) }) { return .directory }
            return nil
        }
    }

    func isReadable(at path: String) -> Bool {
        state.withLock { $0.files[path] != nil && !$0.unreadable.contains(path) }
    }

    func contents(at path: String) -> Data? {
        state.withLock { $0.unreadable.contains(path) ? nil : $0.files[path] }
    }

    func prefix(_ count: Int, at path: String) -> Data? {
        contents(at: path).map { Data($0.prefix(count)) }
    }

    func read(_ path: String, chunkSize: Int, _ body: (Data) throws -> Void) throws -> Bool {
        guard let data = contents(at: path) else { return false }
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = min(offset + chunkSize, data.endIndex)
            try body(data[offset..<end])
            offset = end
        }
        return true
    }
}

import Deployment
import Foundation

/// The machine's file system for `init`'s writes (the one place they touch it).
struct LocalFileWriting: FileWriting {
    func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    func isTaken(_ path: String) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return exists(path) }
        return !items.isEmpty
    }

    func createDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ data: Data, to path: String, permissions: Int) throws {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { try FileManager.default.removeItem(atPath: path) }
        try data.write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
    }

    func createSymlink(_ path: String, to target: String) throws {
        if exists(path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }
}

import Foundation
import Synchronization

/// Runs the built `lambdactl` binary as a user would and captures what it prints.
struct CommandResult: Sendable {
    let exitCode: Int32
    let stdout: String
    let stderr: String
}

enum CommandRunner {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support → IntegrationTests → Tests → root
        return url
    }()

    /// The binary under test: `LAMBDACTL_BIN` when set, else `.build/debug/lambdactl`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["LAMBDACTL_BIN"] {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/lambdactl")
    }

    /// Runs `lambdactl arguments…` with `environment` added to (or, for keys mapped to nil,
    /// removed from) a clean environment holding only PATH and HOME unless `inherit` is true.
    static func run(
        _ arguments: [String], environment: [String: String?] = [:], inherit: Bool = false,
        currentDirectory: URL? = nil, stdin: Data? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env: [String: String] = inherit ? ProcessInfo.processInfo.environment : [:]
        let parent = ProcessInfo.processInfo.environment
        if !inherit {
            for key in ["PATH", "HOME", "TMPDIR", "LANG"] { env[key] = parent[key] }
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errData = ErrCollector(errPipe.fileHandleForReading)
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a file handle to its end on a background thread.
private final class ErrCollector: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            data.withLock { $0 = bytes }
            done.signal()
        }
    }
    func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}

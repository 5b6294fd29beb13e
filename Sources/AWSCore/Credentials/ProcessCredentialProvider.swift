import Foundation
import Synchronization

/// Runs a profile's `credential_process` with `/bin/sh -c` and reads its JSON
/// (`Version: 1`, `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration`).
/// See AWS SDKs and Tools Reference Guide, "Process credential provider".
package struct ProcessCredentialProvider: CredentialProvider {
    /// The command line, as written in the profile.
    package let command: String
    /// The profile it came from, for messages and `whoami`.
    package let profileName: String
    /// How long the command may run.
    package let timeout: Duration

    /// Creates the provider.
    package init(command: String, profileName: String, timeout: Duration = .seconds(60)) {
        self.command = command
        self.profileName = profileName
        self.timeout = timeout
    }

    /// `profile:NAME (credential_process)`.
    package var name: String { "profile:\(profileName) (credential_process)" }

    /// Runs the command and parses its output.
    package func credentials() async throws -> Credentials {
        let result = try await ProcessRunner.run(command, timeout: timeout, provider: name)
        guard result.status == 0 else {
            let tail = Self.lastLines(of: result.standardError)
            throw CredentialsError.failed(
                provider: name,
                message: "credential_process exited with status \(result.status): \(tail.isEmpty ? "no message on stderr" : tail)")
        }
        return try Self.parse(result.standardOutput, provider: name)
    }

    /// The last `count` non-empty lines of `data`, joined with ` | ` (pure).
    static func lastLines(of data: Data, count: Int = 3) -> String {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .suffix(count).joined(separator: " | ")
    }

    /// Parses the command's standard output (pure, for tests); errors say what is wrong.
    static func parse(_ output: Data, provider: String) throws -> Credentials {
        let fail = { (problem: String) in
            CredentialsError.failed(
                provider: provider,
                message: "credential_process \(problem): it must print {\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …}")
        }
        guard !output.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw fail("printed nothing on stdout")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: output)
        } catch {
            var detail = ((error as NSError).userInfo["NSDebugDescription"] as? String) ?? "unreadable"
            while detail.hasSuffix(".") { detail.removeLast() }
            detail = detail.replacingOccurrences(of: "around character", with: "at byte")
            throw fail("printed text that is not valid JSON (\(detail.prefix(1).lowercased() + detail.dropFirst()))")
        }
        guard let object = parsed as? [String: Any] else { throw fail("printed JSON that is not an object") }
        guard let version = object["Version"] else { throw fail("printed JSON without the field \"Version\"") }
        guard (version as? Int) == 1 else {
            throw fail("printed \"Version\": \(version), but only Version 1 exists")
        }
        for field in ["AccessKeyId", "SecretAccessKey"] {
            guard let value = object[field] as? String, !value.isEmpty else {
                throw fail("printed JSON without the field \"\(field)\"")
            }
        }
        return try CredentialDocument.credentials(
            from: output, tokenKey: "SessionToken", provider: provider, source: provider)
    }
}

/// Runs a shell command, collecting its output, and stops it after a timeout.
enum ProcessRunner {
    /// What a finished command left behind.
    struct Result: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: Data
    }

    /// Runs `command` under `/bin/sh -c`; throws when it cannot start or outlives `timeout`.
    /// stdout and stderr are read at the same time, so a chatty command never blocks on a full pipe.
    static func run(_ command: String, timeout: Duration, provider: String) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CredentialsError.failed(provider: provider, message: "cannot run /bin/sh: \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        let outputHandle = output.fileHandleForReading
        let errorHandle = errors.fileHandleForReading
        let gate = ResumeGate()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, Error>) in
            Thread.detachNewThread {
                let stderr = PipeDrain(errorHandle)
                let stdout = outputHandle.readDataToEndOfFile()
                let errorBytes = stderr.wait()
                process.waitUntilExit()
                let result = Result(status: process.terminationStatus, standardOutput: stdout, standardError: errorBytes)
                Task { if await gate.claim() { continuation.resume(returning: result) } }
            }
            Task {
                try? await Task.sleep(for: timeout)
                if await gate.claim() {
                    kill(pid, SIGKILL)
                    continuation.resume(
                        throwing: CredentialsError.failed(
                            provider: provider, message: "credential_process did not finish within \(timeout): fix or speed up the command"))
                }
            }
        }
    }
}

/// Reads a pipe to its end on a thread of its own; `wait()` returns what it read.
final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `handle`.
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let bytes = handle.readDataToEndOfFile()
            data.withLock { $0 = bytes }
            done.signal()
        }
    }

    /// Blocks until the pipe is closed, then returns its bytes.
    func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}

/// Lets exactly one of several racers resume a continuation.
actor ResumeGate {
    private var claimed = false

    /// True for the first caller only.
    func claim() -> Bool {
        if claimed { return false }
        claimed = true
        return true
    }
}

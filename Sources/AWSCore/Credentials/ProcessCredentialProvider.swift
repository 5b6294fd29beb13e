import Foundation

/// Runs a profile's `credential_process` with `/bin/sh -c` and reads its JSON
/// (`Version: 1`, `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration`).
/// See AWS SDKs and Tools Reference Guide, "Process credential provider".
public struct ProcessCredentialProvider: CredentialProvider {
    /// The command line, as written in the profile.
    public let command: String
    /// The profile it came from, for messages and `whoami`.
    public let profileName: String
    /// How long the command may run.
    public let timeout: Duration

    /// Creates the provider.
    public init(command: String, profileName: String, timeout: Duration = .seconds(60)) {
        self.command = command
        self.profileName = profileName
        self.timeout = timeout
    }

    /// `profile:NAME (credential_process)`.
    public var name: String { "profile:\(profileName) (credential_process)" }

    /// Runs the command and parses its output.
    public func credentials() async throws -> Credentials {
        let result = try await ProcessRunner.run(command, timeout: timeout, provider: name)
        guard result.status == 0 else {
            let firstLine = String(decoding: result.standardError, as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "no message"
            throw CredentialsError.failed(
                provider: name,
                message: "credential_process exited with status \(result.status): \(firstLine)")
        }
        return try Self.parse(result.standardOutput, provider: name)
    }

    /// Parses the command's standard output (pure, for tests).
    static func parse(_ output: Data, provider: String) throws -> Credentials {
        let object = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any]
        guard let version = object?["Version"] as? Int, version == 1 else {
            throw CredentialsError.failed(
                provider: provider, message: "credential_process must print JSON with \"Version\": 1")
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
                let stdout = outputHandle.readDataToEndOfFile()
                let stderr = errorHandle.readDataToEndOfFile()
                process.waitUntilExit()
                let result = Result(status: process.terminationStatus, standardOutput: stdout, standardError: stderr)
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

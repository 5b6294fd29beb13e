import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Scripts/fake-credential-endpoints.py` on a free loopback port: the container endpoint,
/// instance metadata, the SSO portal and sso-oidc, behaving as `configure` says.
final class FakeCredentialEndpoints {
    let process = Process()
    let configFile: URL
    /// The server's stdin: it exits when this closes, so no server outlives its test.
    let input = Pipe()
    /// `http://127.0.0.1:PORT`.
    private(set) var baseURL: String

    /// Starts the server with `settings` (see the script's header for the keys).
    init(_ settings: [String: Any]) throws {
        configFile = FileManager.default.temporaryDirectory.appendingPathComponent("fake-creds-\(UUID().uuidString).json")
        let python = ProcessInfo.processInfo.environment["LAMBDACTL_TEST_PYTHON"] ?? "/usr/bin/python3"
        process.executableURL = URL(fileURLWithPath: python)
        let script = CommandRunner.repositoryRoot.appendingPathComponent("Scripts/fake-credential-endpoints.py").path
        process.arguments = [script, "0", configFile.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        baseURL = ""
        try configure(settings)
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw HarnessFailure("the fake credential endpoints did not start")
        }
        baseURL = "http://127.0.0.1:\(port)"
    }

    deinit { stop() }

    /// Replaces the settings (read again on every request).
    func configure(_ settings: [String: Any]) throws {
        try JSONSerialization.data(withJSONObject: settings).write(to: configFile)
    }

    /// Stops the server.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: configFile)
    }

    /// One request the fake saw.
    struct Entry: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
    }

    /// Every request seen so far.
    func log() async throws -> [Entry] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL + "/__fake/log")!)
        return try JSONDecoder().decode([Entry].self, from: data)
    }

    /// A loopback port nothing listens on (bound, then released).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

import Foundation

/// Runs the AWS CLI (`aws`, v1) against the harness with the test keys, to set up or inspect
/// state and as an independent client whose signatures the proxy must accept.
enum AWSCLI {
    /// Runs `aws --endpoint-url <proxy> arguments…` and captures its output.
    static func run(_ arguments: [String], harness: Harness) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["aws", "--endpoint-url", harness.endpoint.absoluteString] + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in harness.childEnvironment { env[key] = value }
        env["AWS_ENDPOINT_URL"] = nil
        process.environment = env
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lambdactl-awscli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

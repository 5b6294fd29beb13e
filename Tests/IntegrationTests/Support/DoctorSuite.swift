import Foundation
import Testing

/// What the `doctor` integration suites share: lambdactl through the verifying proxy with an
/// expected exit code, and the finding codes of `--output json`.
protocol DoctorSuite {
    /// The harness proxy the suite runs against.
    var proxy: LifecycleProxy { get }
}

extension DoctorSuite {
    /// Runs lambdactl and expects `code`.
    @discardableResult
    func run(_ arguments: [String], exit code: Int32 = 0) throws -> CommandResult {
        let result = try proxy.lambdactl(arguments)
        #expect(result.exitCode == code, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// Runs lambdactl with `overrides` on the proxy's environment (nil removes a variable) and expects `code`.
    @discardableResult
    func run(_ arguments: [String], exit code: Int32 = 0, environment overrides: [String: String?]) throws -> CommandResult {
        let environment = proxy.environment.merging(overrides) { $1 }
        let result = try CommandRunner.run(arguments + ["--endpoint-url", proxy.endpoint], environment: environment)
        #expect(result.exitCode == code, "lambdactl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// The `code` of each finding in `doctor --output json`, in order.
    func codes(_ stdout: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { $0["code"] as? String }
    }
}

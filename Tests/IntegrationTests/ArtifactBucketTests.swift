import Foundation
import Testing

/// A package over 50 MB goes through lambdactl's artifact bucket, which it creates secured.
@Suite("Artifact bucket against the harness", .serialized, .enabled(if: Harness.shouldRun, "needs Scripts/test or Scripts/moto start"))
struct ArtifactBucketIntegrationTests {
    let harness: Harness
    static let bucket = "lambdactl-artifacts-123456789012-us-east-1"

    init() async throws {
        harness = try #require(Harness.current, "run through Scripts/test so the harness is up")
        try await harness.reset()
    }

    func lambdactl(_ arguments: [String], extra: [String: String?] = [:]) throws -> CommandResult {
        try CommandRunner.run(
            arguments + ["--endpoint-url", harness.endpoint.absoluteString],
            environment: harness.childEnvironment.merging(extra) { $1 })
    }

    func aws(_ arguments: [String]) throws -> String {
        let result = try AWSCLI.run(arguments, harness: harness)
        #expect(result.exitCode == 0, "aws \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// A directory with 51 MB of random bytes (stored, not deflated: the zip stays over 50 MB).
    func bigDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        defer { try? random.close() }
        let bytes = try #require(try random.read(upToCount: 51 * 1024 * 1024))
        try bytes.write(to: URL(fileURLWithPath: dir + "/blob.bin"))
        try Data("def handler(e, c):\n    return e\n".utf8).write(to: URL(fileURLWithPath: dir + "/app.py"))
        return dir
    }

    @Test("the bucket is created with public access blocked, owner-enforced, encrypted, tagged and with an expiry, and says so")
    func bucketIsSecured() async throws {
        let dir = try bigDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let create = try lambdactl(
            ["create-function", "big", "--code", dir, "--runtime", "python3.12", "--handler", "app.handler"],
            extra: ["LAMBDACTL_ARTIFACT_EXPIRY_DAYS": "9"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        #expect(create.stderr.contains("created S3 bucket \(Self.bucket) for packages over 50 MB: public access blocked"))
        #expect(create.stderr.contains("expire after 9 days"))
        let block = try aws(["s3api", "get-public-access-block", "--bucket", Self.bucket])
        #expect(block.contains("\"BlockPublicPolicy\": true") && block.contains("\"RestrictPublicBuckets\": true"))
        #expect(try aws(["s3api", "get-bucket-ownership-controls", "--bucket", Self.bucket]).contains("BucketOwnerEnforced"))
        #expect(try aws(["s3api", "get-bucket-encryption", "--bucket", Self.bucket]).contains("AES256"))
        let lifecycle = try aws(["s3api", "get-bucket-lifecycle-configuration", "--bucket", Self.bucket])
        #expect(lifecycle.contains("\"Days\": 9") && lifecycle.contains("lambdactl/"))
        #expect(try aws(["s3api", "get-bucket-tagging", "--bucket", Self.bucket]).contains("lambdactl:created"))
        let mark = try await harness.log().count
        let update = try lambdactl(["update-code", "big", "--code", dir, "--force"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(!update.stderr.contains("S3 bucket"), "settings are applied once: \(update.stderr)")
        let later = try await harness.log().dropFirst(mark)
        #expect(!later.contains { $0.operation.contains("PUT") && $0.query.contains("publicAccessBlock") })
        #expect(try await harness.log().allSatisfy(\.verified))
    }
}

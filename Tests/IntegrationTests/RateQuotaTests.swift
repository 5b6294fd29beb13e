import AWSCore
import AWSLambda
import Foundation
import Testing

/// The client slows down instead of failing when AWS throttles (issue 12's rate quotas): many
/// concurrent writes of one API from one process, through the proxy's per-API write quota. No
/// command makes such a burst yet, so this drives `LambdaClient` over the real transport.
@Suite("Rate quotas: concurrent writes slow down instead of failing", .serialized,
       .enabled(if: Harness.shouldRun, "needs Scripts/moto start or Scripts/test"))
struct RateQuotaTests {
    let harness: Harness

    init() async throws {
        harness = try #require(Harness.current)
        try await harness.reset()
    }

    /// Fixed harness keys, as the CLI would read them from the environment.
    struct HarnessKeys: CredentialProvider {
        let harness: Harness
        var name: String { "harness" }
        func credentials() async throws -> Credentials {
            Credentials(accessKeyID: harness.accessKeyID, secretAccessKey: harness.secretAccessKey, source: name)
        }
    }

    func lambdaClient() throws -> LambdaClient {
        let context = ClientContext(
            transport: URLSessionTransport(), credentials: HarnessKeys(harness: harness),
            time: TimeSource(now: { Date() }, sleep: { try await Task.sleep(for: $0) }))
        let host = try #require(harness.endpoint.host)
        let endpoint = ServiceEndpoint(
            scheme: harness.endpoint.scheme ?? "http", host: host, port: harness.endpoint.port,
            signingRegion: harness.region, signingName: "lambda")
        return LambdaClient(context: context, endpoint: endpoint)
    }

    @Test("40 PublishLayerVersion calls from 8 workers through a 10-per-second quota all succeed; the proxy throttled some")
    func burstSlowsDown() async throws {
        try await harness.setWriteQuota(10)
        let lambda = try lambdaClient()
        let zip = DeployFixture.zip(comment: "quota")
        let calls = 40, workers = 8
        let start = Date()
        let versions = try await withThrowingTaskGroup(of: [Int].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var made: [Int] = []
                    for _ in stride(from: worker, to: calls, by: workers) {
                        let input = PublishLayerInput(layerName: "quota-burst", content: .zipFile(zip))
                        made.append(try await lambda.publishLayerVersion(input).version)
                    }
                    return made
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let wall = Date().timeIntervalSince(start)
        let quota = try await harness.quota()
        let throttled = quota.throttled["lambda PublishLayerVersion"] ?? 0
        print("rate quota: \(calls) calls, quota 10/s, \(throttled) throttled, \(String(format: "%.2f", wall)) s wall")
        #expect(Set(versions) == Set(1...calls), "every call succeeded, each made one version")
        #expect(quota.admitted["lambda PublishLayerVersion"] == calls)
        #expect(throttled > 0, "the burst met the quota")
        #expect(wall >= 3, "40 writes at 10/s take at least 3 s")
        #expect(wall < 3 * 2.5, "slowed down near the quota, not stalled")
        try await harness.reset()
    }
}

import AWSCore
import AWSTestSupport
import Foundation
import SigV4
import Testing
@testable import Deployment

@Suite("The artifact bucket for packages over 50 MB")
struct ArtifactBucketTests {
    static let bucket = "lambdactl-artifacts-123456789012-eu-west-1"
    static let identity = xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/u</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>")

    /// A harness where the object is new and every PUT on the bucket succeeds.
    func harness(bucketExists: Bool, tags: String? = nil) throws -> (Harness, (path: String, artifact: CodeArtifact)) {
        let zip = try temporaryZip("a package larger than the lowered limit")
        let harness = Harness()
        harness.transport.on("GetCallerIdentity", Self.identity)
        harness.transport.on("HEAD /\(Self.bucket)", HTTPResponse(status: bucketExists ? 200 : 404))
        harness.transport.on("PUT /\(Self.bucket)", HTTPResponse(status: 200))
        harness.transport.on(
            "GET /\(Self.bucket)",
            tags.map { xml(200, "<Tagging><TagSet>\($0)</TagSet></Tagging>") }
                ?? xml(404, "<Error><Code>NoSuchTagSet</Code><Message>The TagSet does not exist</Message></Error>"))
        harness.transport.on("HEAD /\(Self.bucket)/lambdactl/f/\(zip.artifact.sha256Hex).zip", HTTPResponse(status: 404))
        harness.transport.on("PUT /\(Self.bucket)/lambdactl/f/\(zip.artifact.sha256Hex).zip", HTTPResponse(status: 200))
        return (harness, zip)
    }

    /// The bucket-level PUTs by subresource, with their bodies.
    func settings(_ harness: Harness) -> [String: String] {
        var bodies: [String: String] = [:]
        for request in harness.transport.sent where request.method == "PUT" && request.path == "/\(Self.bucket)" {
            guard let subresource = request.query.first?.name, case .data(let data) = request.body else { continue }
            #expect(request.headers["x-amz-checksum-sha256"] == Data(Digest.sha256(data)).base64EncodedString(), "\(subresource)")
            bodies[subresource] = String(decoding: data, as: UTF8.self)
        }
        return bodies
    }

    @Test("a new bucket gets public access blocked, owner-enforced ownership, encryption, a 30-day expiry and tags, said on stderr")
    func newBucketIsSecured() async throws {
        let (harness, zip) = try harness(bucketExists: false)
        let services = harness.services(stagingLimit: 10)
        _ = try await services.stager.stage(zip.artifact, name: "f", bucket: nil, key: nil)
        let bodies = settings(harness)
        #expect(Set(bodies.keys) == ["publicAccessBlock", "ownershipControls", "encryption", "lifecycle", "tagging"])
        #expect(["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"].allSatisfy {
            bodies["publicAccessBlock"]?.contains("<\($0)>true</\($0)>") == true
        })
        #expect(bodies["ownershipControls"]?.contains("<ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>") == true)
        #expect(bodies["encryption"]?.contains("<SSEAlgorithm>AES256</SSEAlgorithm>") == true)
        #expect(bodies["lifecycle"]?.contains("<Prefix>lambdactl/</Prefix>") == true)
        #expect(bodies["lifecycle"]?.contains("<Expiration><Days>30</Days></Expiration>") == true)
        #expect(bodies["tagging"]?.contains("<Key>lambdactl:created</Key><Value>true</Value>") == true)
        let created = harness.transport.routes.firstIndex(of: "PUT /\(Self.bucket)")
        let tagging = harness.transport.sent.lastIndex { $0.query.first?.name == "tagging" }
        #expect(created != nil && tagging != nil && created! < tagging!)
        #expect(harness.progress.lines.contains {
            $0.hasPrefix("created S3 bucket \(Self.bucket) for packages over 50 MB: public access blocked") && $0.contains("expire after 30 days")
        })
    }

    @Test("LAMBDACTL_ARTIFACT_EXPIRY_DAYS sets the expiry; a bad value is refused before any call")
    func expirySetting() async throws {
        let (harness, zip) = try harness(bucketExists: false)
        var services = harness.services(stagingLimit: 10)
        services.stager.expiryDaysSetting = "7"
        _ = try await services.stager.stage(zip.artifact, name: "f", bucket: nil, key: nil)
        #expect(settings(harness)["lifecycle"]?.contains("<Days>7</Days>") == true)
        let (refused, zip2) = try self.harness(bucketExists: false)
        var bad = refused.services(stagingLimit: 10)
        bad.stager.expiryDaysSetting = "a month"
        await #expect(throws: LifecycleError.usage(
            "LAMBDACTL_ARTIFACT_EXPIRY_DAYS=a month is not a number of days; set a whole number of at least 1, e.g. LAMBDACTL_ARTIFACT_EXPIRY_DAYS=30"
        )) { _ = try await bad.stager.stage(zip2.artifact, name: "f", bucket: nil, key: nil) }
        #expect(refused.transport.sent.isEmpty)
        #expect(try CodeStager.expiryDays(nil) == 30 && CodeStager.expiryDays(" 45 ") == 45)
        #expect(throws: LifecycleError.self) { try CodeStager.expiryDays("0") }
    }

    @Test("a bucket an earlier lambdactl made gets the settings once, keeping its tags")
    func existingBucketOnce() async throws {
        let (harness, zip) = try harness(bucketExists: true, tags: "<Tag><Key>team</Key><Value>platform</Value></Tag>")
        _ = try await harness.services(stagingLimit: 10).stager.stage(zip.artifact, name: "f", bucket: nil, key: nil)
        let bodies = settings(harness)
        #expect(bodies.count == 5)
        #expect(bodies["tagging"]?.contains("<Key>team</Key><Value>platform</Value>") == true)
        #expect(bodies["tagging"]?.contains("<Key>lambdactl:settings</Key><Value>1</Value>") == true)
        #expect(harness.progress.lines.contains { $0.hasPrefix("applied lambdactl's settings to S3 bucket \(Self.bucket)") })
        let (again, zip2) = try self.harness(bucketExists: true, tags: "<Tag><Key>lambdactl:settings</Key><Value>1</Value></Tag>")
        _ = try await again.services(stagingLimit: 10).stager.stage(zip2.artifact, name: "f", bucket: nil, key: nil)
        #expect(settings(again).isEmpty && again.progress.lines.isEmpty)
    }

    @Test("a bucket given with --s3-bucket is never changed")
    func userBucketUntouched() async throws {
        let zip = try temporaryZip("a package larger than the lowered limit")
        let harness = Harness()
        let key = "lambdactl/f/\(zip.artifact.sha256Hex).zip"
        harness.transport.on("HEAD /mine/\(key)", HTTPResponse(status: 404))
        harness.transport.on("PUT /mine/\(key)", HTTPResponse(status: 200))
        _ = try await harness.services(stagingLimit: 10).stager.stage(zip.artifact, name: "f", bucket: "mine", key: nil)
        #expect(harness.transport.routes == ["HEAD /mine/\(key)", "PUT /mine/\(key)"])
    }
}

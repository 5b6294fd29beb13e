import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("update-code")
struct CodeUpdaterTests {
    static let get = "GET /2015-03-31/functions/f"
    static let put = "PUT /2015-03-31/functions/f/code"
    static let poll = "GET /2015-03-31/functions/f/configuration"

    func details(sha: String, revision: String = "r1") -> HTTPResponse {
        json(200, #"{"Configuration":\#(configuration(sha: sha, revision: revision))}"#)
    }

    @Test("unchanged code uploads nothing and reports changed: false")
    func unchanged() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.get, details(sha: zip.artifact.codeSHA256))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path))
        #expect(result.changed == false)
        #expect(result.uploadedBytes == 0)
        #expect(harness.transport.routes == [Self.get])
        let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(encoded.contains(#""changed":false"#))
    }

    @Test("--force uploads unchanged code")
    func force() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.get, details(sha: zip.artifact.codeSHA256))
        harness.transport.on(Self.put, json(200, configuration(update: "InProgress", sha: zip.artifact.codeSHA256, revision: "r2")))
        harness.transport.on(Self.poll, json(200, configuration(sha: zip.artifact.codeSHA256, revision: "r2")))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path, force: true))
        #expect(result.changed)
        #expect(harness.transport.count(Self.put) == 1)
    }

    @Test("changed code is sent inline with the RevisionId read, then waited for")
    func changed() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.get, details(sha: "OLD", revision: "r1"))
        harness.transport.on(Self.put, json(200, configuration(update: "InProgress", sha: zip.artifact.codeSHA256, revision: "r2")))
        harness.transport.on(Self.poll, json(200, configuration(sha: zip.artifact.codeSHA256, revision: "r3")))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path))
        #expect(result.changed && result.upload == "direct" && result.uploadedBytes == zip.artifact.size)
        #expect(result.revisionId == "r3")
        let put = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == Self.put })
        #expect(jsonBody(put)["RevisionId"] as? String == "r1")
        #expect(jsonBody(put)["ZipFile"] as? String == Data("PK\u{3}\u{4}zip bytes".utf8).base64EncodedString())
        #expect(harness.transport.routes == [Self.get, Self.put, Self.poll])
    }

    @Test("a 412 on UpdateFunctionCode is reported as a concurrent change (.conflict)")
    func revisionConflict() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(Self.get, details(sha: "OLD"))
        harness.transport.on(Self.put, restJSONError(412, "PreconditionFailedException", "The Revision Id provided does not match"))
        let error = await #expect(throws: LifecycleError.self) {
            try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path))
        }
        #expect(error?.category == .conflict)
        #expect(error?.message.contains("changed by someone else") == true)
    }

    @Test("--alias publishes a version pinned to CodeSha256 and RevisionId and creates the alias")
    func publishAndAlias() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        let harness = Harness()
        harness.transport.on(Self.get, details(sha: "OLD"))
        harness.transport.on(Self.put, json(200, configuration(update: "InProgress", sha: sha, revision: "r2")))
        harness.transport.on(Self.poll, json(200, configuration(sha: sha, revision: "r3")))
        harness.transport.on("POST /2015-03-31/functions/f/versions", json(201, #"{"FunctionName":"f","Version":"4","CodeSha256":"\#(sha)"}"#))
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", restJSONError(404, "ResourceNotFoundException", "no alias"))
        harness.transport.on("POST /2015-03-31/functions/f/aliases", json(201, #"{"Name":"live","FunctionVersion":"4"}"#))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path, alias: "live"))
        #expect(result.version == "4" && result.alias == "live")
        let publish = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "POST /2015-03-31/functions/f/versions" })
        #expect(jsonBody(publish)["CodeSha256"] as? String == sha)
        #expect(jsonBody(publish)["RevisionId"] as? String == "r3")
    }

    @Test("a package over the direct limit goes through S3: bucket created, object put, S3Key sent")
    func stagesThroughS3() async throws {
        let zip = try temporaryZip("a package larger than the lowered limit")
        let harness = Harness()
        let bucket = "lambdactl-artifacts-123456789012-eu-west-1"
        let key = "lambdactl/f/\(zip.artifact.sha256Hex).zip"
        harness.transport.on(Self.get, details(sha: "OLD"))
        harness.transport.on("GetCallerIdentity", xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/u</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>"))
        harness.transport.on("HEAD /\(bucket)", HTTPResponse(status: 404))
        harness.transport.on("PUT /\(bucket)", HTTPResponse(status: 200))
        harness.transport.on("HEAD /\(bucket)/\(key)", HTTPResponse(status: 404))
        harness.transport.on("PUT /\(bucket)/\(key)", HTTPResponse(status: 200))
        harness.transport.on(Self.put, json(200, configuration(update: "InProgress", revision: "r2")))
        harness.transport.on(Self.poll, json(200, configuration(revision: "r2")))
        let result = try await CodeUpdater(services: harness.services(stagingLimit: 10))
            .run(.init(name: "f", codePath: zip.path))
        #expect(result.upload == "s3" && result.uploadedBytes == zip.artifact.size)
        let createBucket = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "PUT /\(bucket)" })
        guard case .data(let xmlBody) = createBucket.body else { Issue.record("no CreateBucket body"); return }
        #expect(String(decoding: xmlBody, as: UTF8.self).contains("<LocationConstraint>eu-west-1</LocationConstraint>"))
        let putObject = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "PUT /\(bucket)/\(key)" })
        #expect(putObject.body == .file(path: zip.path, size: zip.artifact.size, sha256Hex: zip.artifact.sha256Hex))
        let update = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == Self.put })
        #expect(jsonBody(update)["S3Bucket"] as? String == bucket)
        #expect(jsonBody(update)["S3Key"] as? String == key)
        #expect(jsonBody(update)["ZipFile"] == nil)
    }

    @Test("an object already staged under its content address is not uploaded again")
    func skipsExistingObject() async throws {
        let zip = try temporaryZip("a package larger than the lowered limit")
        let harness = Harness()
        let key = "lambdactl/f/\(zip.artifact.sha256Hex).zip"
        harness.transport.on(Self.get, details(sha: "OLD"))
        harness.transport.on("HEAD /mybucket/\(key)", HTTPResponse(status: 200))
        harness.transport.on(Self.put, json(200, configuration(revision: "r2")))
        let services = harness.services(stagingLimit: 10)
        let staged = try await services.stager.stage(zip.artifact, name: "f", bucket: "mybucket", key: nil)
        #expect(staged.uploadedToS3 == 0)
        #expect(harness.transport.count("PUT /mybucket/\(key)") == 0)
        #expect(staged.source == .s3(bucket: "mybucket", key: key))
    }
}

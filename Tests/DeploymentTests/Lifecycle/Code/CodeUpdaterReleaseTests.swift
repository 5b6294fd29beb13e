import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("update-code --publish/--alias with unchanged code")
struct CodeUpdaterReleaseTests {
    static let get = "GET /2015-03-31/functions/f"
    static let versions = "GET /2015-03-31/functions/f/versions"
    static let publish = "POST /2015-03-31/functions/f/versions"
    static let getAlias = "GET /2015-03-31/functions/f/aliases/live"
    static let putAlias = "PUT /2015-03-31/functions/f/aliases/live"

    /// A published version: `$LATEST`'s configuration with another version number.
    func version(_ number: Int, sha: String, memory: Int = 128) -> String {
        configuration(sha: sha, memory: memory).replacingOccurrences(of: #""Version":"$LATEST""#, with: #""Version":"\#(number)""#)
    }

    func harness(sha: String, versions: [String], alias: String?) -> Harness {
        let harness = Harness()
        harness.transport.on(Self.get, json(200, #"{"Configuration":\#(configuration(sha: sha))}"#))
        harness.transport.on(Self.versions, json(200, #"{"Versions":[\#(configuration(sha: sha)),\#(versions.joined(separator: ","))]}"#))
        if let alias {
            harness.transport.on(Self.getAlias, json(200, #"{"Name":"live","FunctionVersion":"\#(alias)","RevisionId":"a1"}"#))
        } else {
            harness.transport.on(Self.getAlias, restJSONError(404, "ResourceNotFoundException", "Alias not found"))
        }
        return harness
    }

    @Test("after a rollback, --alias moves the alias back to the version that matches $LATEST, publishing nothing")
    func movesToMatchingVersion() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        let harness = harness(sha: sha, versions: [version(1, sha: "OLD"), version(2, sha: sha)], alias: "1")
        harness.transport.on(Self.putAlias, json(200, #"{"Name":"live","FunctionVersion":"2"}"#))
        harness.transport.on(Self.get, json(200, #"{"Configuration":\#(configuration(sha: sha))}"#))
        harness.transport.on("POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af", HTTPResponse(status: 204))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path, alias: "live"))
        #expect(!result.changed && result.version == "2" && result.published == false)
        #expect(result.alias == "live" && result.aliasPreviousVersion == "1")
        #expect(harness.transport.count(Self.publish) == 0)
        let put = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == Self.putAlias })
        #expect(jsonBody(put)["FunctionVersion"] as? String == "2")
    }

    @Test("--alias with no matching version publishes one pinned to CodeSha256 and RevisionId, then creates the alias")
    func publishesWhenNoneMatches() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        // Version 2 has the code but another memory size: it is not what is deployed now.
        let harness = harness(sha: sha, versions: [version(2, sha: sha, memory: 512)], alias: nil)
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: sha)))
        harness.transport.on(Self.publish, json(201, version(3, sha: sha)))
        harness.transport.on("POST /2015-03-31/functions/f/aliases", json(201, #"{"Name":"live","FunctionVersion":"3"}"#))
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path, alias: "live"))
        #expect(result.version == "3" && result.published == true && result.aliasPreviousVersion == nil)
        let publish = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == Self.publish })
        #expect(jsonBody(publish)["CodeSha256"] as? String == sha)
        #expect(jsonBody(publish)["RevisionId"] as? String == "r1")
        #expect(harness.transport.count("POST /2015-03-31/functions/f/aliases") == 1)
    }

    @Test("--alias already on a matching version writes nothing")
    func nothingToDo() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        let harness = harness(sha: sha, versions: [version(1, sha: sha), version(2, sha: sha)], alias: "1")
        let result = try await CodeUpdater(services: harness.services()).run(.init(name: "f", codePath: zip.path, alias: "live"))
        #expect(result.version == "1" && result.published == false && result.aliasPreviousVersion == "1")
        #expect(harness.transport.routes.allSatisfy { $0.hasPrefix("GET ") })
    }

    @Test("--publish alone publishes when the latest version differs, and not when it matches")
    func publishAlone() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        let differs = harness(sha: sha, versions: [version(1, sha: sha), version(2, sha: "OTHER")], alias: nil)
        differs.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(sha: sha)))
        differs.transport.on(Self.publish, json(201, version(3, sha: sha)))
        let published = try await CodeUpdater(services: differs.services()).run(.init(name: "f", codePath: zip.path, publish: true))
        #expect(published.version == "3" && published.published == true)
        let same = harness(sha: sha, versions: [version(1, sha: "OTHER"), version(2, sha: sha)], alias: nil)
        let kept = try await CodeUpdater(services: same.services()).run(.init(name: "f", codePath: zip.path, publish: true))
        #expect(kept.version == "2" && kept.published == false)
        #expect(same.transport.count(Self.publish) == 0 && same.transport.count(Self.getAlias) == 0)
    }

    @Test("--dry-run says what it would publish and move, and writes nothing")
    func dryRun() async throws {
        let zip = try temporaryZip()
        let sha = zip.artifact.codeSHA256
        let harness = harness(sha: sha, versions: [version(1, sha: "OLD")], alias: "1")
        let result = try await CodeUpdater(services: harness.services())
            .run(.init(name: "f", codePath: zip.path, alias: "live", dryRun: true))
        #expect(result.published == true && result.version == nil && result.aliasPreviousVersion == "1")
        #expect(harness.transport.routes.allSatisfy { $0.hasPrefix("GET ") })
    }
}

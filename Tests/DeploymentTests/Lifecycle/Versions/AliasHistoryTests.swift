import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Alias history: where an alias pointed before")
struct AliasHistoryTests {
    static let tagsRoute = "POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Af"

    @Test("the tag value lists versions newest first, $LATEST as LATEST, and reads back the same")
    func tagValue() {
        let history = AliasHistory(versions: ["4", "$LATEST", "1"])
        #expect(history.tagValue == "4/LATEST/1")
        #expect(AliasHistory(tagValue: "4/LATEST/1") == history)
        #expect(AliasHistory(tagValue: "4/x//0/2").versions == ["4", "2"])
        #expect(AliasHistory(tagValue: nil).versions.isEmpty)
    }

    @Test("recording puts the version left in front, once, and keeps at most ten")
    func recording() {
        var history = AliasHistory()
        for version in 1...12 { history = history.recording(String(version)) }
        #expect(history.versions == (3...12).reversed().map(String.init))
        #expect(history.recording("12") == history)
        #expect(history.tagValue.count <= 256)
    }

    @Test("a rollback goes to the newest recorded version that exists, and the next one further back")
    func rollbackOrder() {
        let history = AliasHistory(versions: ["3", "2", "1"])
        #expect(history.rollbackTarget(from: "4", existing: ["1", "2", "3", "4"]) == "3")
        #expect(history.rollingBack(to: "3").versions == ["2", "1"])
        #expect(history.rollbackTarget(from: "3", existing: ["1", "3", "4"]) == "1", "deleted version 2 is skipped")
        #expect(AliasHistory().rollbackTarget(from: "4", existing: ["3"]) == nil)
        #expect(history.rollingBack(to: "5").versions == ["3", "2", "1"])
        #expect(AliasHistory(versions: ["7", "2", "5", "1"]).rollingBack(to: "4").versions == ["2", "1"])
    }

    @Test("the key is lambdactl:previous:ALIAS and never longer than AWS's 128 characters")
    func key() {
        #expect(AliasHistory.tagKey(for: "live") == "lambdactl:previous:live")
        let long = String(repeating: "a", count: 128)
        let key = AliasHistory.tagKey(for: long)
        #expect(key.count == 128 && key.hasPrefix("lambdactl:previous:aaa"))
        #expect(key != AliasHistory.tagKey(for: String(repeating: "a", count: 127) + "b"))
        #expect(AliasHistory.tagKey(for: String(repeating: "a", count: 109)).count == 128)
    }

    func details(tags: [String: String]) throws -> HTTPResponse {
        let tagJSON = String(decoding: try JSONEncoder().encode(tags), as: UTF8.self)
        return json(200, #"{"Configuration":\#(configuration()),"Tags":\#(tagJSON)}"#)
    }

    @Test("moving an alias records where it pointed in the function's tag")
    func moveRecords() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"3","RevisionId":"a1"}"#))
        harness.transport.on("PUT /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"4"}"#))
        harness.transport.on("GET /2015-03-31/functions/f", try details(tags: ["lambdactl:previous:live": "2/1", "team": "web"]))
        harness.transport.on(Self.tagsRoute, HTTPResponse(status: 204))
        let result = try await VersionManager(services: harness.services()).point("f", alias: "live", to: "4")
        #expect(result.previousVersion == "3")
        let tag = try #require(harness.transport.sent.last)
        #expect(ScriptedTransport.operation(of: tag) == Self.tagsRoute)
        #expect(jsonBody(tag)["Tags"] as? [String: String] == ["lambdactl:previous:live": "3/2/1"])
    }

    @Test("an alias already at the version, or a new alias, writes no tag")
    func noMoveNoTag() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"4"}"#))
        _ = try await VersionManager(services: harness.services()).point("f", alias: "live", to: "4")
        harness.transport.on("GET /2015-03-31/functions/f/aliases/new", restJSONError(404, "ResourceNotFoundException", "no"))
        harness.transport.on("POST /2015-03-31/functions/f/aliases", json(201, #"{"Name":"new","FunctionVersion":"4"}"#))
        _ = try await VersionManager(services: harness.services()).point("f", alias: "new", to: "4")
        #expect(harness.transport.routes.filter { $0.contains("tags") }.isEmpty)
    }

    @Test("a refused tag write is a warning; the alias has moved")
    func refusedTagWarns() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"3"}"#))
        harness.transport.on("PUT /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"4"}"#))
        harness.transport.on("GET /2015-03-31/functions/f", try details(tags: [:]))
        harness.transport.on(Self.tagsRoute, restJSONError(403, "AccessDeniedException", "not authorized to perform: lambda:TagResource"))
        let result = try await VersionManager(services: harness.services()).point("f", alias: "live", to: "4")
        #expect(result.version == "4")
        #expect(harness.progress.lines.contains { $0.contains("could not record where alias live pointed before") })
    }

    func rollbackHarness(alias: String, history: String?) throws -> Harness {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"\#(alias)"}"#))
        harness.transport.on("GET /2015-03-31/functions/f", try details(tags: history.map { ["lambdactl:previous:live": $0] } ?? [:]))
        harness.transport.on(
            "GET /2015-03-31/functions/f/versions",
            json(200, #"{"Versions":[{"Version":"$LATEST"},{"Version":"1"},{"Version":"2"},{"Version":"3"},{"Version":"4"}]}"#))
        harness.transport.on("PUT /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"1"}"#))
        harness.transport.on(Self.tagsRoute, HTTPResponse(status: 204))
        return harness
    }

    @Test("rollback goes to the recorded version, not the highest lower one, and drops it from the record")
    func rollbackUsesHistory() async throws {
        // 1 → 4 (deploy), 4 → 2 (alias --to-version 2): the record is 4/1; from 2 rollback goes to 4.
        let harness = try rollbackHarness(alias: "2", history: "4/1")
        let result = try await VersionManager(services: harness.services()).rollback("f", alias: "live")
        #expect(result.version == "4" && result.previousVersion == "2")
        let put = try #require(harness.transport.sent.first { $0.method == "PUT" })
        #expect(jsonBody(put)["FunctionVersion"] as? String == "4")
        let tag = try #require(harness.transport.sent.last)
        #expect(jsonBody(tag)["Tags"] as? [String: String] == ["lambdactl:previous:live": "1"])
    }

    @Test("rollback --to-version N goes there and keeps only what was recorded before N")
    func rollbackToVersion() async throws {
        let harness = try rollbackHarness(alias: "4", history: "3/2/1")
        let result = try await VersionManager(services: harness.services()).rollback("f", alias: "live", to: "2")
        #expect(result.version == "2")
        let tag = try #require(harness.transport.sent.last)
        #expect(jsonBody(tag)["Tags"] as? [String: String] == ["lambdactl:previous:live": "1"])
        let missing = try rollbackHarness(alias: "4", history: nil)
        await #expect(throws: LifecycleError.self) {
            _ = try await VersionManager(services: missing.services()).rollback("f", alias: "live", to: "9")
        }
        #expect(missing.transport.routes.filter { $0.hasPrefix("PUT") }.isEmpty)
    }
}

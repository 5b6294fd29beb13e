import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Layers, versions, aliases and function URLs")
struct VersionsAndLayersTests {
    static let layer = "arn:aws:lambda:eu-west-1:123456789012:layer:deps"

    @Test("attaching replaces older versions of the same layer in place and keeps the others")
    func replacing() {
        let other = "arn:aws:lambda:eu-west-1:123456789012:layer:other:2"
        #expect(LayerPublisher.replacing("\(Self.layer):5", in: [other, "\(Self.layer):3"]) == [other, "\(Self.layer):5"])
        #expect(LayerPublisher.replacing("\(Self.layer):5", in: [other]) == [other, "\(Self.layer):5"])
        #expect(LayerPublisher.replacing("\(Self.layer):5", in: ["\(Self.layer):5"]) == ["\(Self.layer):5"])
    }

    @Test("a layer whose latest version has our CodeSha256 is not published again")
    func dedupes() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on(
            "GET /2018-10-31/layers/deps/versions",
            json(200, #"{"LayerVersions":[{"LayerVersionArn":"\#(Self.layer):2","Version":2},{"LayerVersionArn":"\#(Self.layer):1","Version":1}]}"#))
        harness.transport.on(
            "GET /2018-10-31/layers/deps/versions/2",
            json(200, #"{"LayerVersionArn":"\#(Self.layer):2","Version":2,"Content":{"CodeSha256":"\#(zip.artifact.codeSHA256)"}}"#))
        let result = try await LayerPublisher(services: harness.services()).run(.init(name: "deps", codePath: zip.path))
        #expect(result.published == false && result.version == 2)
        #expect(harness.transport.count("POST /2018-10-31/layers/deps/versions") == 0)
    }

    @Test("a changed layer is published and attached to the listed function")
    func publishesAndAttaches() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2018-10-31/layers/deps/versions", json(200, #"{"LayerVersions":[]}"#))
        harness.transport.on(
            "POST /2018-10-31/layers/deps/versions",
            json(201, #"{"LayerVersionArn":"\#(Self.layer):1","Version":1,"Content":{"CodeSha256":"x"}}"#))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        harness.transport.on("PUT /2015-03-31/functions/f/configuration", json(200, configuration()))
        let result = try await LayerPublisher(services: harness.services())
            .run(.init(name: "deps", codePath: zip.path, compatibleRuntimes: ["python3.13"], attach: ["f"]))
        #expect(result.published && result.attached == ["f"])
        let put = try #require(harness.transport.sent.first { $0.method == "PUT" })
        #expect(jsonBody(put)["Layers"] as? [String] == ["\(Self.layer):1"])
    }

    @Test("rollback points the alias at the highest version below the current one")
    func rollback() async throws {
        #expect(VersionManager.previousVersion(before: 5, in: [1, 2, 4, 5, 6]) == 4)
        #expect(VersionManager.previousVersion(before: 1, in: [1, 2]) == nil)
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":\#(configuration())}"#))
        harness.transport.on("GET /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"3","RevisionId":"a1"}"#))
        harness.transport.on(
            "GET /2015-03-31/functions/f/versions",
            json(200, #"{"Versions":[{"Version":"$LATEST"},{"Version":"1"},{"Version":"2"},{"Version":"3"}]}"#))
        harness.transport.on("PUT /2015-03-31/functions/f/aliases/live", json(200, #"{"Name":"live","FunctionVersion":"2"}"#))
        let result = try await VersionManager(services: harness.services()).rollback("f", alias: "live")
        #expect(result.version == "2" && result.previousVersion == "3")
        let put = try #require(harness.transport.sent.first { $0.method == "PUT" })
        #expect(jsonBody(put)["FunctionVersion"] as? String == "2")
        #expect(jsonBody(put)["RevisionId"] as? String == "a1")
    }

    @Test("a public URL gets both permission statements, only those missing")
    func publicURL() async throws {
        let harness = Harness()
        harness.transport.on("GET /2021-10-31/functions/f/url", restJSONError(404, "ResourceNotFoundException", "none"))
        harness.transport.on("POST /2021-10-31/functions/f/url", json(201, #"{"FunctionUrl":"https://abc.lambda-url.eu-west-1.on.aws/","AuthType":"NONE"}"#))
        let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"\#(FunctionURLConfigurer.urlStatementID)"}]}"#
        let policyJSON = String(decoding: try JSONEncoder().encode(["Policy": policy]), as: UTF8.self)
        harness.transport.on("GET /2015-03-31/functions/f/policy", json(200, policyJSON))
        harness.transport.on("POST /2015-03-31/functions/f/policy", json(201, #"{"Statement":"{}"}"#))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        let result = try await FunctionURLConfigurer(services: harness.services()).run("f", authType: "NONE", corsOrigins: nil)
        #expect(result.url == "https://abc.lambda-url.eu-west-1.on.aws/" && result.created)
        #expect(result.permissionsAdded == [FunctionURLConfigurer.invokeStatementID])
        let add = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "POST /2015-03-31/functions/f/policy" })
        #expect(jsonBody(add)["Action"] as? String == "lambda:InvokeFunction")
        #expect(jsonBody(add)["InvokedViaFunctionUrl"] as? Bool == true)
        #expect(harness.transport.routes.filter { $0.hasPrefix("POST") } .count == 2)
        #expect(harness.transport.count("GET /2015-03-31/functions/f/configuration") == 2, "waited before each change")
        #expect(FunctionURLConfigurer.publicStatements[0].functionURLAuthType == "NONE")
        #expect(FunctionURLConfigurer.publicStatements[0].action == "lambda:InvokeFunctionUrl")
    }

    @Test("switching a URL to AWS_IAM removes the public statements lambdactl added")
    func iamURLRemovesPublicStatements() async throws {
        let harness = Harness()
        harness.transport.on("GET /2021-10-31/functions/f/url", json(200, #"{"FunctionUrl":"https://abc.lambda-url.eu-west-1.on.aws/","AuthType":"NONE"}"#))
        harness.transport.on("PUT /2021-10-31/functions/f/url", json(200, #"{"FunctionUrl":"https://abc.lambda-url.eu-west-1.on.aws/","AuthType":"AWS_IAM"}"#))
        let statements = FunctionURLConfigurer.publicStatements.map { #"{"Sid":"\#($0.statementID)"}"# }.joined(separator: ",")
        let policy = #"{"Version":"2012-10-17","Statement":[\#(statements)]}"#
        harness.transport.on("GET /2015-03-31/functions/f/policy", json(200, String(decoding: try JSONEncoder().encode(["Policy": policy]), as: UTF8.self)))
        for statement in FunctionURLConfigurer.publicStatements {
            harness.transport.on("DELETE /2015-03-31/functions/f/policy/\(statement.statementID)", HTTPResponse(status: 204))
        }
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        let result = try await FunctionURLConfigurer(services: harness.services()).run("f", authType: "AWS_IAM", corsOrigins: nil)
        #expect(result.permissionsRemoved == FunctionURLConfigurer.publicStatements.map(\.statementID))
        #expect(harness.transport.routes.filter { $0.hasPrefix("DELETE") }.count == 2)
    }

    @Test("cors origins: nil leaves the URL's origins, [] removes them, the same set sends nothing")
    func corsOriginsAbsentEmptyOrSame() async throws {
        let harness = Harness()
        harness.transport.on("GET /2021-10-31/functions/f/url", json(200, #"{"FunctionUrl":"https://abc.lambda-url.eu-west-1.on.aws/","AuthType":"AWS_IAM","Cors":{"AllowOrigins":["https://a.example","https://b.example"]}}"#))
        harness.transport.on("PUT /2021-10-31/functions/f/url", json(200, #"{"FunctionUrl":"https://abc.lambda-url.eu-west-1.on.aws/","AuthType":"AWS_IAM","Cors":{"AllowOrigins":[]}}"#))
        harness.transport.on("GET /2015-03-31/functions/f/policy", restJSONError(404, "ResourceNotFoundException", "none"))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        let configurer = FunctionURLConfigurer(services: harness.services())
        _ = try await configurer.run("f", authType: "AWS_IAM", corsOrigins: nil)
        _ = try await configurer.run("f", authType: "AWS_IAM", corsOrigins: ["https://b.example", "https://a.example"])
        #expect(harness.transport.count("PUT /2021-10-31/functions/f/url") == 0, "absent or the same set: no write")
        _ = try await configurer.run("f", authType: "AWS_IAM", corsOrigins: [])
        let put = try #require(harness.transport.sent.first { ScriptedTransport.operation(of: $0) == "PUT /2021-10-31/functions/f/url" })
        #expect(((jsonBody(put)["Cors"] as? [String: Any])?["AllowOrigins"] as? [String]) == [])
    }

    @Test("delete-function --delete-role keeps a role lambdactl did not create")
    func keepsForeignRole() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        harness.transport.on("DELETE /2015-03-31/functions/f", HTTPResponse(status: 204))
        harness.transport.on("ListRoleTags", xml(200, "<ListRoleTagsResponse><ListRoleTagsResult><Tags/><IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>"))
        let result = try await FunctionInspector(services: harness.services()).delete("f", deleteRole: true)
        #expect(result.deleted && !result.roleDeleted && result.roleKeptBecause != nil)
        #expect(harness.transport.count("DeleteRole") == 0)
    }
}

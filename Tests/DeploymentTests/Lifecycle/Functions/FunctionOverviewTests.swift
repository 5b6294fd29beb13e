import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("get-function overview")
struct FunctionOverviewTests {
    static let getFunction = #"""
        {"Configuration":{"FunctionName":"f","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:f",
        "Runtime":"python3.13","Handler":"app.handler","CodeSize":2345,"MemorySize":512,"Timeout":30,
        "LastModified":"2026-11-30T12:00:00.000+0000","State":"Active","LastUpdateStatus":"Failed",
        "LastUpdateStatusReason":"bad zip","LastUpdateStatusReasonCode":"InvalidZipFileException",
        "Architectures":["arm64"],"PackageType":"Zip","TracingConfig":{"Mode":"Active"},
        "EphemeralStorage":{"Size":1024},"VpcConfig":{"SubnetIds":["subnet-a"],"SecurityGroupIds":["sg-1"],"VpcId":"vpc-1"},
        "Layers":[{"Arn":"arn:aws:lambda:eu-west-1:123456789012:layer:deps:3","CodeSize":99}],
        "Environment":{"Variables":{"TOKEN":"s3cr3t"}}},
        "Code":{"RepositoryType":"S3","Location":"https://presigned.example/secret"},
        "Tags":{"team":"platform"},"Concurrency":{"ReservedConcurrentExecutions":5}}
        """#

    @Test("reads configuration, tags, reserved concurrency, aliases with their versions and the URL")
    func readsEverything() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, Self.getFunction))
        harness.transport.on("GET /2015-03-31/functions/f/aliases", json(200, #"""
            {"Aliases":[{"Name":"live","FunctionVersion":"3","RoutingConfig":{"AdditionalVersionWeights":{"4":0.1}}},
            {"Name":"beta","FunctionVersion":"4"}]}
            """#))
        harness.transport.on("GET /2021-10-31/functions/f/url", json(200, #"{"FunctionUrl":"https://u.example/","AuthType":"NONE"}"#))
        let overview = try await FunctionInspector(services: harness.services()).overview("f")
        #expect(overview.tags == ["team": "platform"] && overview.reservedConcurrency == 5)
        #expect(overview.aliases.map(\.name) == ["beta", "live"])
        #expect(overview.aliases.last?.routingConfig?.additionalVersionWeights == ["4": 0.1])
        #expect(overview.functionUrl?.functionURL == "https://u.example/")
        let c = overview.configuration
        #expect(c.lastModified == "2026-11-30T12:00:00.000+0000" && c.tracingConfig?.mode == "Active")
        #expect(c.ephemeralStorage?.size == 1024 && c.vpcConfig?.vpcID == "vpc-1")
        let json = String(decoding: try JSONEncoder().encode(overview), as: UTF8.self)
        #expect(json.contains(#""configuration":{"#) && json.contains(#""VpcConfig":{"#) && json.contains(#""reservedConcurrency":5"#))
        #expect(!json.contains("presigned"), "the code's presigned URL is never shown")
    }

    @Test("no URL and no aliases are empty; a refused ListAliases is noted, not fatal")
    func missingPieces() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f", json(200, #"{"Configuration":{"FunctionName":"f"}}"#))
        harness.transport.on("GET /2015-03-31/functions/f/aliases", restJSONError(403, "AccessDeniedException", "no"))
        harness.transport.on("GET /2021-10-31/functions/f/url", restJSONError(404, "ResourceNotFoundException", "none"))
        let overview = try await FunctionInspector(services: harness.services()).overview("f")
        #expect(overview.functionUrl == nil && overview.aliases.isEmpty && overview.reservedConcurrency == nil)
        #expect(overview.unreadable == ["aliases (ListAliases: AccessDeniedException)"])
    }

    @Test("a function that does not exist is one line saying where to look, exit 4")
    func notFound() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/nope", restJSONError(404, "ResourceNotFoundException", "Function not found: nope"))
        let error = await #expect(throws: LifecycleError.self) {
            _ = try await FunctionInspector(services: harness.services()).overview("nope")
        }
        #expect(error?.category == .refused)
        #expect(error?.message == "function nope does not exist (Function not found: nope)")
        #expect(error?.hint == .checkFunction("nope", qualified: false))
    }
}

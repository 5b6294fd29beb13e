import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Local name and ARN checks before the first mutating call")
struct NameRulesTests {
    @Test("function names follow Lambda's pattern; full and partial ARNs are accepted")
    func functionNames() throws {
        for good in ["f", "my-function_2", String(repeating: "a", count: 64), "123456789012:function:f",
            "arn:aws:lambda:us-east-1:123456789012:function:f"] {
            try NameRules.checkNewFunctionName(good)
        }
        for bad in ["", "bad name!", "my.func", String(repeating: "a", count: 65), "arn:bad", "f:1"] {
            #expect(throws: LifecycleError.self) { try NameRules.checkNewFunctionName(bad) }
        }
    }

    @Test("--layer takes a versioned layer ARN")
    func layerARNs() throws {
        try NameRules.checkLayerVersionARN("arn:aws:lambda:us-east-1:123456789012:layer:deps:3")
        for bad in ["notanarn", "arn:aws:lambda:us-east-1:123456789012:layer:deps", "arn:aws:lambda:us-east-1:1:layer:deps:3",
            "arn:aws:lambda:us-east-1:123456789012:layer:deps:x"] {
            #expect(throws: LifecycleError.self) { try NameRules.checkLayerVersionARN(bad) }
        }
    }

    @Test("layer and alias names are checked, and an all-digit alias is refused")
    func layerAndAliasNames() throws {
        try NameRules.checkLayerName("deps")
        try NameRules.checkLayerName("arn:aws:lambda:us-east-1:123456789012:layer:deps")
        #expect(throws: LifecycleError.self) { try NameRules.checkLayerName("bad layer!") }
        try NameRules.checkAliasName("live")
        #expect(throws: LifecycleError.self) { try NameRules.checkAliasName("bad alias!") }
        #expect(throws: LifecycleError.self) { try NameRules.checkAliasName("12") }
    }

    @Test("--qualifier takes a version, $LATEST or an alias name")
    func qualifiers() throws {
        for good in [nil, "3", "$LATEST", "live", "blue_green-2"] { try NameRules.checkQualifier(good) }
        for bad in ["", "bad qual!", "a:b", String(repeating: "q", count: 129)] {
            #expect(throws: LifecycleError.self) { try NameRules.checkQualifier(bad) }
        }
    }

    @Test("invoke with a bad --qualifier sends nothing")
    func badQualifierInvokesNothing() async throws {
        let harness = Harness()
        await #expect(throws: LifecycleError.self) {
            try await FunctionInvoker(lambda: harness.services().lambda).run("f", payload: Data("{}".utf8), qualifier: "bad qual!")
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("create-function with a bad --layer ARN sends nothing, so no role is left behind")
    func badLayerCreatesNoRole() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        let request = FunctionCreator.Request(
            name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler",
            configuration: DesiredConfiguration(layers: ["notanarn"]))
        await #expect(throws: LifecycleError.self) { try await FunctionCreator(services: harness.services()).run(request) }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("create-function with an invalid name sends nothing")
    func badNameCreatesNothing() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        await #expect(throws: LifecycleError.self) {
            try await FunctionCreator(services: harness.services())
                .run(.init(name: "my.func", codePath: zip.path, runtime: "python3.13", handler: "app.handler"))
        }
        #expect(harness.transport.sent.isEmpty)
    }

    @Test("publish-layer --attach with a missing function publishes nothing")
    func attachToMissingFunctionPublishesNothing() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("GET /2018-10-31/layers/deps/versions", json(200, #"{"LayerVersions":[]}"#))
        harness.transport.on(
            "GET /2015-03-31/functions/nope/configuration", restJSONError(404, "ResourceNotFoundException", "Function not found"))
        await #expect(throws: AWSServiceError.self) {
            try await LayerPublisher(services: harness.services())
                .run(.init(name: "deps", codePath: zip.path, attach: ["nope"]))
        }
        #expect(!harness.transport.sent.contains { $0.method == "POST" })
    }
}

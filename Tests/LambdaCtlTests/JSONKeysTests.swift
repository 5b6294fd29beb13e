import AWSLambda
import Foundation
import Testing
@testable import Deployment
@testable import lambdactl

@Suite("lambdactl's own JSON keys: camelCase, acronyms as words; AWS objects under one key")
struct JSONKeysTests {
    func json<Value: Encodable>(_ value: Value) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test("routes --output json says apiId and invokeUrl, and each route routeId and integrationUri")
    func routesReport() throws {
        let route = RouteListing(routeKey: "GET /a", routeID: "r1", target: "integrations/i", integrationURI: "arn:f")
        let object = try json(RoutesCommand.Report(apiID: "a1", invokeURL: "https://a1.example", routes: [route]))
        #expect(Set(object.keys) == ["apiId", "invokeUrl", "routes"])
        let first = try #require((object["routes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["routeKey", "routeId", "target", "integrationUri"])
    }

    @Test("list-functions --output json puts AWS's function objects, with AWS's names, under one key")
    func listFunctions() throws {
        let object = try json(ListFunctions.Report(functions: [FunctionConfiguration(functionName: "f", functionARN: "arn:aws:lambda:us-east-1:1:function:f")]))
        #expect(Set(object.keys) == ["functions"])
        let first = try #require((object["functions"] as? [[String: Any]])?.first)
        #expect(first["FunctionName"] as? String == "f" && first["FunctionArn"] != nil)
    }
}

@Suite("get-function text")
struct GetFunctionTextTests {
    @Test("shows what a user looks for, and variable names but never their values")
    func describe() {
        let configuration = FunctionConfiguration(
            functionName: "f", runtime: "python3.13", handler: "app.handler", codeSize: 2345, memorySize: 512,
            environment: EnvironmentResponse(variables: ["TOKEN": "s3cr3t", "A": "1"]),
            layers: [LayerReference(arn: "arn:layer:deps:3", codeSize: 99)], state: "Active",
            lastUpdateStatus: "Failed", lastUpdateStatusReason: "bad zip", lastUpdateStatusReasonCode: "InvalidZipFileException",
            architectures: ["arm64"])
        var withExtras = configuration
        withExtras.lastModified = "2026-11-30T12:00:00.000+0000"
        withExtras.tracingConfig = TracingConfig(mode: "Active")
        withExtras.ephemeralStorage = EphemeralStorage(size: 1024)
        withExtras.vpcConfig = VPCConfig(subnetIDs: ["subnet-a"], securityGroupIDs: ["sg-1"], vpcID: "vpc-1")
        let overview = FunctionOverview(
            configuration: withExtras, tags: ["team": "platform"], reservedConcurrency: 5,
            aliases: [AliasConfiguration(name: "live", functionVersion: "3", routingConfig: AliasRoutingConfig(additionalVersionWeights: ["4": 0.1]))],
            functionUrl: FunctionURLConfig(functionURL: "https://u.example/", authType: "NONE"))
        let text = FunctionText.describe(overview)
        for line in [
            "Architecture: arm64", "MemorySize: 512 MB", "EphemeralStorage: 1024 MB", "PackageSize: 2.3 KB",
            "LastModified: 2026-11-30T12:00:00.000+0000", "State: Active", "LastUpdateStatus: Failed",
            "LastUpdateStatusReason: InvalidZipFileException: bad zip", "ReservedConcurrency: 5", "Tracing: Active",
            "VPC: vpc-1 (subnets subnet-a; security groups sg-1)", "Layer: arn:layer:deps:3 (99 bytes)",
            "Alias: live → 3 (4 gets 10%)", "FunctionUrl: https://u.example/ (AuthType NONE)", "Tag: team=platform",
            "Environment: A, TOKEN (values not shown; --output json has them)",
        ] {
            #expect(text.contains(line + "\n") || text.hasSuffix(line), "missing \(line)")
        }
        #expect(!text.contains("s3cr3t"))
        #expect(FunctionText.describe(FunctionOverview(configuration: configuration)).contains("VPC: none"))
    }

    @Test("shows IPv6 in a VPC, the logging configuration, the dead-letter target and SnapStart")
    func describeSettings() {
        var configuration = FunctionConfiguration(functionName: "f")
        configuration.vpcConfig = VPCConfig(subnetIDs: ["subnet-a"], securityGroupIDs: ["sg-1"], vpcID: "vpc-1", ipv6AllowedForDualStack: true)
        configuration.loggingConfig = LoggingConfig(logGroup: "/custom", logFormat: "JSON", applicationLogLevel: "DEBUG", systemLogLevel: "WARN")
        configuration.deadLetterConfig = DeadLetterConfig(targetARN: "arn:aws:sqs:us-east-1:123456789012:dlq")
        configuration.snapStart = SnapStartConfig(applyOn: "PublishedVersions", optimizationStatus: "On")
        let text = FunctionText.describe(FunctionOverview(configuration: configuration))
        for line in [
            "VPCIPv6: allowed (dual-stack)", "LogGroup: /custom", "Logging: JSON (application DEBUG, system WARN)",
            "DeadLetter: arn:aws:sqs:us-east-1:123456789012:dlq", "SnapStart: PublishedVersions (optimization On)",
        ] {
            #expect(text.contains(line), "missing \(line) in \(text)")
        }
        let bare = FunctionText.describe(FunctionOverview(configuration: FunctionConfiguration(functionName: "f")))
        #expect(bare.contains("DeadLetter: none") && !bare.contains("VPCIPv6"))
    }
}

import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSLambda

/// The settings on the wire: what UpdateFunctionConfiguration and CreateFunction send, and what
/// a configuration answer decodes to.
@Suite("The Lambda client's function settings on the wire")
struct FunctionSettingsWireTests {
    let transport = ScriptedTransport()
    var lambda: LambdaClient { LambdaClient(context: testContext(transport), endpoint: testEndpoint("lambda")) }

    @Test("UpdateFunctionConfiguration sends only the settings set, with AWS's names and no VpcId")
    func update() async throws {
        transport.on("PUT /2015-03-31/functions/{name}/configuration", json(200, LambdaClientTests.configuration()))
        var changes = ConfigurationChanges(revisionID: "r1")
        changes.settings = FunctionSettingsFields(
            vpcConfig: VPCConfig(subnetIDs: ["subnet-1"], securityGroupIDs: ["sg-1"], vpcID: "vpc-9", ipv6AllowedForDualStack: true),
            tracingConfig: TracingConfig(mode: "Active"), deadLetterConfig: DeadLetterConfig(targetARN: ""),
            snapStart: SnapStartConfig(applyOn: "PublishedVersions", optimizationStatus: "On"))
        _ = try await lambda.updateFunctionConfiguration("f", changes: changes)
        let body = jsonBody(try #require(transport.sent.first)) as NSDictionary
        #expect(
            body == [
                "RevisionId": "r1", "TracingConfig": ["Mode": "Active"], "DeadLetterConfig": ["TargetArn": ""],
                "SnapStart": ["ApplyOn": "PublishedVersions"],
                "VpcConfig": ["SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"], "Ipv6AllowedForDualStack": true],
            ] as NSDictionary)
        #expect(changes.fieldNames == ["VpcConfig", "TracingConfig", "DeadLetterConfig", "SnapStart"])
    }

    @Test("CreateFunction carries /tmp and logging next to its own fields")
    func create() async throws {
        transport.on("POST /2015-03-31/functions", json(201, LambdaClientTests.configuration()))
        var input = CreateFunctionInput(
            functionName: "f", runtime: "python3.12", role: "arn:aws:iam::123456789012:role/r", handler: "app.handler",
            code: .zipFile(Data([1])))
        input.settings = FunctionSettingsFields(
            ephemeralStorage: EphemeralStorage(size: 1024),
            loggingConfig: LoggingConfig(logGroup: "/custom", logFormat: "JSON", applicationLogLevel: "DEBUG", systemLogLevel: "WARN"))
        _ = try await lambda.createFunction(input)
        let body = jsonBody(try #require(transport.sent.first))
        #expect(body["FunctionName"] as? String == "f")
        #expect((body["EphemeralStorage"] as? [String: Int]) == ["Size": 1024])
        #expect(
            (body["LoggingConfig"] as? [String: String])
                == ["LogGroup": "/custom", "LogFormat": "JSON", "ApplicationLogLevel": "DEBUG", "SystemLogLevel": "WARN"])
        #expect(body["VpcConfig"] == nil && body["TracingConfig"] == nil)
    }

    @Test("a configuration answer decodes IPv6, the log levels, the dead-letter target and SnapStart")
    func decode() throws {
        let text = """
            {"FunctionName":"f","VpcConfig":{"SubnetIds":["subnet-1"],"SecurityGroupIds":["sg-1"],"VpcId":"vpc-1",\
            "Ipv6AllowedForDualStack":true},"LoggingConfig":{"LogFormat":"JSON","ApplicationLogLevel":"INFO",\
            "SystemLogLevel":"WARN","LogGroup":"/g"},"DeadLetterConfig":{"TargetArn":"arn:aws:sqs:us-east-1:1:q"},\
            "SnapStart":{"ApplyOn":"PublishedVersions","OptimizationStatus":"On"}}
            """
        let configuration = try JSONDecoder().decode(FunctionConfiguration.self, from: Data(text.utf8))
        #expect(configuration.vpcConfig?.ipv6AllowedForDualStack == true && configuration.vpcConfig?.isAttached == true)
        #expect(configuration.loggingConfig == LoggingConfig(logGroup: "/g", logFormat: "JSON", applicationLogLevel: "INFO", systemLogLevel: "WARN"))
        #expect(configuration.deadLetterConfig?.targetARN == "arn:aws:sqs:us-east-1:1:q")
        #expect(configuration.snapStart == SnapStartConfig(applyOn: "PublishedVersions", optimizationStatus: "On"))
    }
}

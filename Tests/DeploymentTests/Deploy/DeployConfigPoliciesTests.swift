import AWSCore
import Foundation
import Testing
@testable import Deployment

/// `function.policies` in lambdactl.yml: decoding (absent, null, [], names, ARNs, statements),
/// and errors that name file:line.
@Suite("Deploy config: function.policies")
struct DeployConfigPoliciesTests {
    static func config(_ policies: String?) -> String {
        """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: build/hello.zip
        \(policies.map { "  policies: \($0)" } ?? "")
        """
    }

    static func parse(_ text: String) throws -> DeployConfig {
        try DeployConfigParser(path: "/p/lambdactl.yml", environment: [:]).parse(text)
    }

    @Test("an absent key leaves the role, null and [] remove, a list mixes names, ARNs and statements")
    func decoding() throws {
        #expect(try Self.parse(Self.config(nil)).function.policies == nil)
        #expect(try Self.parse(Self.config("null")).function.policies == [])
        #expect(try Self.parse(Self.config("[]")).function.policies == [])
        let list = try Self.parse(
            Self.config(
                "[AmazonDynamoDBReadOnlyAccess, arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess, {effect: ALLOW, actions: dynamodb:PutItem, resources: [arn:aws:dynamodb:us-east-1:123456789012:table/Users]}]"
            )
        ).function.policies
        #expect(
            list == [
                .managed("AmazonDynamoDBReadOnlyAccess"), .managed("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"),
                .statement(
                    IAMStatement(
                        effect: "Allow", actions: ["dynamodb:PutItem"], resources: ["arn:aws:dynamodb:us-east-1:123456789012:table/Users"])),
            ])
    }

    @Test("an unknown key in a statement names the file and line")
    func unknownStatementKey() throws {
        let text = Self.config("\n    - {effect: Allow, action: [s3:GetObject], resources: ['*']}")
        let error = #expect(throws: DeployConfigError.self) { try Self.parse(text) }
        #expect(error?.message.hasPrefix("/p/lambdactl.yml:7: unknown key \"action\"") == true, "\(error?.message ?? "")")
    }

    @Test(
        "a bad reference or statement is refused with file:line before any call",
        arguments: [
            ("\n    - AmazonDynamoDBReadOnlyAccess\n    - arn:aws:s3:::bucket", "/p/lambdactl.yml:8: function.policies: arn:aws:s3:::bucket is not a managed policy ARN"),
            ("\n    - {effect: Allow, actions: [PutItem], resources: ['*']}", "/p/lambdactl.yml:7: function.policies: the statement action PutItem is not service:Action"),
            ("\n    - {effect: Maybe, actions: [s3:GetObject], resources: ['*']}", "/p/lambdactl.yml:7: function.policies: the statement effect must be Allow or Deny"),
            ("\n    - {effect: Allow, actions: [s3:GetObject], resources: [bucket]}", "/p/lambdactl.yml:7: function.policies: the statement resource bucket is not an ARN"),
        ])
    func validation(policies: String, message: String) throws {
        let config = try Self.parse(Self.config(policies))
        let error = #expect(throws: DeployConfigError.self) { try DeployValidation.check(config, file: "/p/lambdactl.yml") }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }
}

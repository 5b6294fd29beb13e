import Foundation
import Testing
@testable import Deployment

/// SAM's policy templates expand to the statements SAM's published definitions give.
@Suite("init from SAM: policy templates")
struct SAMPolicyTemplatesTests {
    static let names = [
        "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy", "S3ReadPolicy", "S3WritePolicy", "S3CrudPolicy",
        "SQSPollerPolicy", "SQSSendMessagePolicy", "SNSPublishMessagePolicy", "LambdaInvokePolicy", "SSMParameterReadPolicy",
        "AWSSecretsManagerGetSecretValuePolicy", "KMSDecryptPolicy", "CloudWatchPutMetricPolicy", "EventBridgePutEventsPolicy",
        "StepFunctionsExecutionPolicy", "VPCAccessPolicy",
    ]

    /// A one-function template whose only policy is `entry`.
    static func template(_ entry: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              Policies:
                - \(entry)
        """
    }

    static func statements(_ entry: String) throws -> [IAMStatement] {
        var converter = try SAMConverter(text: template(entry), file: "template.yaml")
        let conversion = try converter.convert()
        #expect(!conversion.needsHand, "\(conversion.notes)")
        let config = try DeployConfigParser(path: "/w/lambdactl.yml", environment: ["AWS_REGION": "eu-west-1", "AWS_ACCOUNT_ID": "111122223333"])
            .parse(conversion.yaml)
        return (config.function.policies ?? []).compactMap { if case .statement(let s) = $0 { s } else { nil } }
    }

    @Test("every template of the list is known, with SAM's parameters", arguments: names)
    func known(name: String) throws {
        let template = try #require(SAMPolicyTemplates.all[name])
        let parameters = template.parameters.map { "\($0): x" }.joined(separator: ", ")
        let statements = try Self.statements("\(name): {\(parameters)}")
        #expect(statements.count == template.statements.count)
        #expect(statements.allSatisfy { $0.effect == "Allow" && !$0.actions.isEmpty && !$0.resources.isEmpty })
        #expect(statements.allSatisfy { $0.resources.allSatisfy { !$0.contains("${") } })
    }

    @Test("DynamoDBCrudPolicy on a table of the template: SAM's ten actions on the table and its indexes")
    func dynamoDBCrud() throws {
        let statements = try Self.statements("DynamoDBCrudPolicy: {TableName: orders}")
        #expect(statements == [IAMStatement(
            effect: "Allow",
            actions: [
                "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
                "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
                "dynamodb:ConditionCheckItem",
            ],
            resources: ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*"])])
    }

    @Test("SQSPollerPolicy, SSMParameterReadPolicy (two statements) and S3ReadPolicy as SAM defines them")
    func others() throws {
        #expect(try Self.statements("SQSPollerPolicy: {QueueName: jobs}") == [IAMStatement(
            effect: "Allow",
            actions: [
                "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
                "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
            ],
            resources: ["arn:aws:sqs:eu-west-1:111122223333:jobs"])])
        #expect(try Self.statements("SSMParameterReadPolicy: {ParameterName: app/config}") == [
            IAMStatement(effect: "Allow", actions: ["ssm:DescribeParameters"], resources: ["*"]),
            IAMStatement(
                effect: "Allow", actions: ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"],
                resources: ["arn:aws:ssm:eu-west-1:111122223333:parameter/app/config"]),
        ])
        #expect(try Self.statements("S3ReadPolicy: {BucketName: media}").first?.resources == ["arn:aws:s3:::media", "arn:aws:s3:::media/*"])
        #expect(try Self.statements("KMSDecryptPolicy: {KeyId: abcd}").first?.actions == ["kms:Decrypt"])
    }

    @Test("a managed policy by name and an unknown template: the name kept, the template listed with its line")
    func managedAndUnknown() throws {
        var converter = try SAMConverter(text: Self.template("AmazonS3ReadOnlyAccess\n        - EC2DescribePolicy: {}"), file: "template.yaml")
        let conversion = try converter.convert()
        #expect(conversion.yaml.contains("policies: [AmazonS3ReadOnlyAccess]"))
        let unknown = try #require(conversion.notes.first { $0.kind == .needsHand })
        #expect(unknown.line == 11 && unknown.message.contains("EC2DescribePolicy"))
    }
}

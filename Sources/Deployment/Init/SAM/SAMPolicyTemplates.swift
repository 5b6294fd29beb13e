/// SAM's policy templates lambdactl expands, with the statements SAM's published definitions
/// give (`samtranslator/policy_templates_data/policy_templates.json` of
/// aws/serverless-application-model, commit 7000d0a, May 2026): actions as AWS names them,
/// resources as SAM's `Fn::Sub` text, whose `${variable}` names a template parameter
/// (`${tableName}` ← `TableName`) and `${AWS::…}` a pseudo parameter.
enum SAMPolicyTemplates {
    /// One statement of a template.
    struct Statement {
        var actions: [String]
        var resources: [String]
    }

    /// One template: its parameters (as the template's users write them) and statements.
    struct Template {
        var parameters: [String]
        var statements: [Statement]
    }

    /// The templates by name.
    static let all: [String: Template] = [
        "DynamoDBCrudPolicy": Template(parameters: ["TableName"], statements: [
            Statement(actions: ["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"]),
        ]),
        "DynamoDBReadPolicy": Template(parameters: ["TableName"], statements: [
            Statement(actions: ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"]),
        ]),
        "DynamoDBWritePolicy": Template(parameters: ["TableName"], statements: [
            Statement(actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"], resources: ["arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"]),
        ]),
        "S3ReadPolicy": Template(parameters: ["BucketName"], statements: [
            Statement(actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"], resources: ["arn:${AWS::Partition}:s3:::${bucketName}", "arn:${AWS::Partition}:s3:::${bucketName}/*"]),
        ]),
        "S3WritePolicy": Template(parameters: ["BucketName"], statements: [
            Statement(actions: ["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], resources: ["arn:${AWS::Partition}:s3:::${bucketName}", "arn:${AWS::Partition}:s3:::${bucketName}/*"]),
        ]),
        "S3CrudPolicy": Template(parameters: ["BucketName"], statements: [
            Statement(actions: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"], resources: ["arn:${AWS::Partition}:s3:::${bucketName}", "arn:${AWS::Partition}:s3:::${bucketName}/*"]),
        ]),
        "SQSPollerPolicy": Template(parameters: ["QueueName"], statements: [
            Statement(actions: ["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], resources: ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}"]),
        ]),
        "SQSSendMessagePolicy": Template(parameters: ["QueueName"], statements: [
            Statement(actions: ["sqs:SendMessage*"], resources: ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}"]),
        ]),
        "SNSPublishMessagePolicy": Template(parameters: ["TopicName"], statements: [
            Statement(actions: ["sns:Publish"], resources: ["arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${topicName}"]),
        ]),
        "LambdaInvokePolicy": Template(parameters: ["FunctionName"], statements: [
            Statement(actions: ["lambda:InvokeFunction"], resources: ["arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*"]),
        ]),
        "SSMParameterReadPolicy": Template(parameters: ["ParameterName"], statements: [
            Statement(actions: ["ssm:DescribeParameters"], resources: ["*"]),
            Statement(actions: ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"], resources: ["arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${parameterName}"]),
        ]),
        "AWSSecretsManagerGetSecretValuePolicy": Template(parameters: ["SecretArn"], statements: [
            Statement(actions: ["secretsmanager:GetSecretValue"], resources: ["${secretArn}"]),
        ]),
        "KMSDecryptPolicy": Template(parameters: ["KeyId"], statements: [
            Statement(actions: ["kms:Decrypt"], resources: ["arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${keyId}"]),
        ]),
        "CloudWatchPutMetricPolicy": Template(parameters: [], statements: [
            Statement(actions: ["cloudwatch:PutMetricData"], resources: ["*"]),
        ]),
        "EventBridgePutEventsPolicy": Template(parameters: ["EventBusName"], statements: [
            Statement(actions: ["events:PutEvents"], resources: ["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${eventBusName}"]),
        ]),
        "StepFunctionsExecutionPolicy": Template(parameters: ["StateMachineName"], statements: [
            Statement(actions: ["states:StartExecution"], resources: ["arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${stateMachineName}"]),
        ]),
        "VPCAccessPolicy": Template(parameters: [], statements: [
            Statement(actions: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"], resources: ["*"]),
        ]),
    ]
}

/// SAM templates of the shapes the guides use, shared by the converter's tests.
enum SAMTemplates {
    /// A REST API function with a layer and an HttpApi catch-all route (sam init's hello world, grown).
    static let helloAPI = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          HelloWorldFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: hello-world
              CodeUri: hello_world/
              Handler: app.lambda_handler
              Runtime: python3.12
              Architectures: [arm64]
              Layers:
                - !Ref DepsLayer
                - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
              Events:
                HelloWorld:
                  Type: Api
                  Properties:
                    Path: /hello
                    Method: get
                CatchAll:
                  Type: HttpApi
          DepsLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              LayerName: hello-deps
              ContentUri: layers/deps
              CompatibleRuntimes: [python3.12]
        """

    /// A CRUD API: four routes on one function with DynamoDBCrudPolicy on a table of the template.
    static let crudAPI = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ItemsFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: items-api
              CodeUri: src/
              Handler: index.handler
              Runtime: nodejs22.x
              MemorySize: 256
              Environment:
                Variables:
                  TABLE_NAME: !Ref ItemsTable
              Policies:
                - DynamoDBCrudPolicy:
                    TableName: !Ref ItemsTable
              Events:
                List: {Type: HttpApi, Properties: {Path: /items, Method: GET}}
                Create: {Type: HttpApi, Properties: {Path: /items, Method: POST}}
                Read: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: GET}}
                Delete: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: DELETE}}
          ItemsTable:
            Type: AWS::Serverless::SimpleTable
            Properties:
              TableName: items
        """

    /// Globals, Parameters and two functions: a scheduled job and a queue worker (the app form).
    static let jobsApp = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: dev
          BatchSize:
            Type: Number
            Default: 5
        Globals:
          Function:
            Runtime: python3.12
            Timeout: 30
            MemorySize: 256
            Environment:
              Variables:
                STAGE: !Ref Stage
        Resources:
          NightlyJob:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: jobs/
              Handler: nightly.handler
              Events:
                Nightly:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 2 * * ? *)
                    ScheduleExpressionTimezone: Europe/Berlin
                    Name: nightly-job
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: !Sub "orders-worker-${Stage}"
              CodeUri: worker/
              Handler: worker.handler
              Timeout: 60
              Environment:
                Variables:
                  MODE: worker
              Policies:
                - SQSPollerPolicy:
                    QueueName: !GetAtt Orders.QueueName
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Orders.Arn
                    BatchSize: !Ref BatchSize
                    FunctionResponseTypes: [ReportBatchItemFailures]
          Orders:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: orders
        """

    /// An S3-triggered processor and a stream consumer (DynamoDB and Kinesis), with a rollout.
    static let processors = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Thumbnails:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: thumbs/
              Handler: app.handler
              Runtime: python3.12
              Policies:
                - S3ReadPolicy: {BucketName: uploads-bucket}
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Uploads
                    Events: s3:ObjectCreated:*
                    Filter:
                      S3Key:
                        Rules:
                          - {Name: prefix, Value: in/}
                          - {Name: suffix, Value: .jpg}
          StreamReader:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: reader/
              Handler: app.handler
              Runtime: python3.12
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minutes
                Alarms: [!Ref ErrorsAlarm]
              Events:
                Changes:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt Table.StreamArn
                    StartingPosition: TRIM_HORIZON
                    BatchSize: 100
                Clicks:
                  Type: Kinesis
                  Properties:
                    Stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                    StartingPosition: LATEST
          Uploads:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: uploads-bucket
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: events
          ErrorsAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmName: reader-errors
        """

    /// Parts lambdactl cannot express, one per line the test checks.
    static let unsupported = """
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          IsProd: !Equals [prod, prod]
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              MemorySize: !If [IsProd, 1024, 128]
              KmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/abc
              Policies:
                - RekognitionReadPolicy: {CollectionId: faces}
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /x
                    Method: get
                    Auth: {Authorizer: MyAuth}
          FromS3:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://my-bucket/code.zip
              Handler: app.handler
              Runtime: python3.12
          Image:
            Type: AWS::Serverless::Function
            Properties:
              PackageType: Image
              ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
        """
}

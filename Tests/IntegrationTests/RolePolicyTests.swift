import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `--policy`, `--policy-file`, their removal, `function.policies` and the role following the
/// configuration, against moto behind the verifying proxy (which emulates the VPC permission
/// propagating after AttachRolePolicy).
@Suite(
    "Execution role policies against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct RolePolicyTests {
    let proxy: LifecycleProxy
    let harness: Harness
    static let iamWrites: Set<String> = [
        "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "TagRole", "UntagRole", "CreateRole",
    ]
    static let dynamo = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"
    static let vpc = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        harness = try #require(Harness.current)
        try await proxy.control("POST", "reset")
    }

    func aws(_ arguments: [String]) throws -> String {
        let result = try AWSCLI.run(arguments + ["--region", "us-east-1", "--output", "json"], harness: harness)
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout
    }

    func attached(_ role: String) throws -> [String] {
        let text = try aws(["iam", "list-attached-role-policies", "--role-name", role])
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return ((object?["AttachedPolicies"] as? [[String: Any]]) ?? []).compactMap { $0["PolicyArn"] as? String }.sorted()
    }

    func create(_ name: String, _ extra: [String] = []) throws -> CommandResult {
        let zip = try LifecycleZip.write(comment: name)
        return try proxy.lambdactl(["create-function", name, "--code", zip, "--runtime", "python3.12", "--handler", "app.handler"] + extra)
    }

    func writes() async throws -> [String] {
        try await proxy.log().map(\.operation).filter(Self.iamWrites.contains)
    }

    @Test("--policy by ARN, by AWS-managed name (service-role path too) and by account policy name; a rerun writes nothing")
    func attachByReference() async throws {
        let local = try aws([
            "iam", "create-policy", "--policy-name", "orders-table",
            "--policy-document", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}]}"#,
        ])
        #expect(local.contains("arn:aws:iam::123456789012:policy/orders-table"))
        let created = try create("withpol", ["--policy", Self.dynamo, "--policy", "AWSLambdaRole"])
        #expect(created.exitCode == 0, "\(created.stderr)")
        let update = try proxy.lambdactl(["update-config", "withpol", "--policy", "orders-table", "--policy", "AWSLambdaVPCAccessExecutionRole"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(update.stdout.contains("attach arn:aws:iam::123456789012:policy/orders-table"))
        #expect(
            try attached("lambdactl-withpol-role") == [
                "arn:aws:iam::123456789012:policy/orders-table", Self.dynamo,
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaRole", Self.vpc,
            ])
        try await proxy.control("DELETE", "log")
        let rerun = try proxy.lambdactl(["update-config", "withpol", "--policy", "orders-table", "--policy", Self.dynamo])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("unchanged"))
        #expect(try await writes().isEmpty)
    }

    @Test("--policy-file is stored as lambdactl-policy, checked locally, and removed again with --no-policy-file and --remove-policy")
    func inlineAndRemoval() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json").path
        try #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Users"}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json").path
        try #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try create("inl", ["--policy-file", file, "--policy", "AmazonDynamoDBReadOnlyAccess"]).exitCode == 0)
        #expect(try aws(["iam", "get-role-policy", "--role-name", "lambdactl-inl-role", "--policy-name", "lambdactl-policy"]).contains("dynamodb:PutItem"))
        try await proxy.control("DELETE", "log")
        let refused = try proxy.lambdactl(["update-config", "inl", "--policy-file", bad])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("statement 1 has no \"Action\""))
        #expect(try await proxy.log().isEmpty, "refused before any call")
        let same = try proxy.lambdactl(["update-config", "inl", "--policy-file", file])
        #expect(same.stdout.contains("unchanged"), "\(same.stdout)")
        let removed = try proxy.lambdactl(["update-config", "inl", "--no-policy-file", "--remove-policy", "AmazonDynamoDBReadOnlyAccess"])
        #expect(removed.exitCode == 0, "\(removed.stderr)")
        #expect(try attached("lambdactl-inl-role") == ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
        let gone = try AWSCLI.run(
            ["iam", "get-role-policy", "--role-name", "lambdactl-inl-role", "--policy-name", "lambdactl-policy", "--region", "us-east-1"],
            harness: harness)
        #expect(gone.exitCode != 0)
    }

    func destinationsPolicy(_ role: String) throws -> String? {
        let result = try AWSCLI.run(
            ["iam", "get-role-policy", "--role-name", role, "--policy-name", "lambdactl-destinations", "--region", "us-east-1", "--output", "json"],
            harness: harness)
        return result.exitCode == 0 ? result.stdout : nil
    }

    @Test("the dead-letter target and async destinations are granted in lambdactl-destinations, scoped to their ARNs, and taken away with them")
    func destinationsFollow() async throws {
        let dlq = "arn:aws:sqs:us-east-1:123456789012:dlq"
        let topic = "arn:aws:sns:us-east-1:123456789012:failed"
        let zip = try LifecycleZip.write(comment: "dests")
        #expect(try proxy.lambdactl(["create-function", "dests", "--code", zip, "--runtime", "python3.12", "--handler", "app.handler", "--publish"]).exitCode == 0)
        #expect(try proxy.lambdactl(["alias", "dests", "live", "--to-version", "1"]).exitCode == 0)
        let update = try proxy.lambdactl(["update-config", "dests", "--dead-letter", dlq])
        #expect(update.exitCode == 0, "\(update.stderr)")
        let first = try #require(try destinationsPolicy("lambdactl-dests-role"))
        #expect(first.contains("sqs:SendMessage") && first.contains(dlq))
        #expect(!first.contains("sns:Publish"))
        let async = try proxy.lambdactl(["async-config", "dests", "--qualifier", "live", "--on-failure", topic])
        #expect(async.exitCode == 0, "\(async.stderr)")
        let both = try #require(try destinationsPolicy("lambdactl-dests-role"))
        #expect(both.contains("sns:Publish") && both.contains(topic))
        #expect(both.contains("sqs:SendMessage") && both.contains(dlq), "the dead-letter statement stays: \(both)")
        let removed = try proxy.lambdactl(["update-config", "dests", "--no-dead-letter"])
        #expect(removed.exitCode == 0, "\(removed.stderr)")
        let left = try #require(try destinationsPolicy("lambdactl-dests-role"))
        #expect(!left.contains("sqs:SendMessage") && !left.contains(dlq), "\(left)")
        #expect(left.contains("sns:Publish") && left.contains(topic))
        try await proxy.control("DELETE", "log")
        #expect(try proxy.lambdactl(["async-config", "dests", "--qualifier", "live", "--on-failure", topic]).exitCode == 0)
        #expect(try proxy.lambdactl(["update-config", "dests", "--no-dead-letter"]).exitCode == 0)
        #expect(try await writes().isEmpty, "a rerun sends no IAM write")
        #expect(try proxy.lambdactl(["async-config", "dests", "--qualifier", "live", "--clear"]).exitCode == 0)
        #expect(try destinationsPolicy("lambdactl-dests-role") == nil, "no destination left: the policy is deleted")
    }

    @Test("a role the user supplied is never changed: --policy is refused with no IAM write, and a missing VPC permission is a warning")
    func userRoleUntouched() async throws {
        _ = try aws([
            "iam", "create-role", "--role-name", "my-own-role", "--assume-role-policy-document",
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        ])
        try await proxy.control("DELETE", "log")
        let refused = try create("mine", ["--role", "my-own-role", "--policy", Self.dynamo])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("was not created by lambdactl"))
        #expect(try await writes().isEmpty)
        #expect(!(try await proxy.log().contains { $0.operation == "CreateFunction" }))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("userrole-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("lambdactl.yml").path
        try """
        function:
          name: mine
          runtime: python3.12
          handler: app.handler
          code: \(try LifecycleZip.write(comment: "user-role-deploy"))
          role: my-own-role
          policies: [AmazonDynamoDBReadOnlyAccess]
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let deploy = try proxy.lambdactl(["deploy", "-f", file])
        #expect(deploy.exitCode == 2, "\(deploy.stderr)")
        #expect(deploy.stderr.contains("was not created by lambdactl"))
        #expect(try await writes().isEmpty)
        #expect(try create("mine", ["--role", "my-own-role"]).exitCode == 0)
        _ = try aws([
            "lambda", "update-function-configuration", "--function-name", "mine", "--vpc-config",
            "SubnetIds=subnet-1,SecurityGroupIds=sg-1",
        ])
        try await proxy.control("DELETE", "log")
        let update = try proxy.lambdactl(["update-config", "mine", "--memory", "256"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(update.stderr.contains("role my-own-role (not created by lambdactl, left unchanged) has no AWSLambdaVPCAccessExecutionRole"))
        #expect(try await writes().isEmpty)
        #expect(try attached("my-own-role").isEmpty)
    }

    @Test("a function in a VPC gets the VPC policy on lambdactl's role, and the update is retried while the permission propagates")
    func vpcPermissionRetry() async throws {
        #expect(try create("invpc").exitCode == 0)
        _ = try aws([
            "lambda", "update-function-configuration", "--function-name", "invpc", "--vpc-config",
            "SubnetIds=subnet-1,SecurityGroupIds=sg-1",
        ])
        try await proxy.faults(#"{"vpc_permission_seconds": 3}"#)
        try await proxy.control("DELETE", "log")
        let update = try proxy.lambdactl(["update-config", "invpc", "--memory", "256"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(update.stderr.contains("waiting for the role's new permissions to reach Lambda"))
        let log = try await proxy.log()
        let updates = log.filter { $0.operation == "UpdateFunctionConfiguration" }
        #expect(updates.count >= 2 && updates.first?.status == 400 && updates.last?.status == 200)
        let attach = log.firstIndex { $0.operation == "AttachRolePolicy" }
        let firstUpdate = log.firstIndex { $0.operation == "UpdateFunctionConfiguration" }
        #expect(attach != nil && firstUpdate != nil && attach! < firstUpdate!, "attached before the update that needs it")
        #expect(try attached("lambdactl-invpc-role").contains(Self.vpc))
    }

    @Test("function.policies in lambdactl.yml: attach, inline statements, plan old → new, a rerun sends no write, [] removes only what it attached")
    func deployPolicies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolepol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let zip = try LifecycleZip.write(comment: "deploy-policies")
        let file = directory.appendingPathComponent("lambdactl.yml").path
        func write(_ policies: String) throws {
            try """
            function:
              name: deppol
              runtime: python3.12
              handler: app.handler
              code: \(zip)
              policies: \(policies)
            """.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write("[AmazonDynamoDBReadOnlyAccess, {effect: Allow, actions: [dynamodb:PutItem], resources: [arn:aws:dynamodb:us-east-1:123456789012:table/Users]}]")
        let first = try proxy.lambdactl(["deploy", "-f", file])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(try attached("lambdactl-deppol-role").contains(Self.dynamo))
        try await proxy.control("DELETE", "log")
        let again = try proxy.lambdactl(["deploy", "-f", file])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(try await writes().isEmpty)
        try write("[AWSXRayDaemonWriteAccess]")
        let plan = try proxy.lambdactl(["deploy", "-f", file, "--dry-run"])
        #expect(plan.stdout.contains("attach arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"), "\(plan.stdout)")
        #expect(plan.stdout.contains("detach \(Self.dynamo)"))
        #expect(plan.stdout.contains("delete inline policy lambdactl-policy"))
        #expect(try proxy.lambdactl(["deploy", "-f", file]).exitCode == 0)
        try write("[]")
        #expect(try proxy.lambdactl(["deploy", "-f", file]).exitCode == 0)
        #expect(try attached("lambdactl-deppol-role") == ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
    }
}

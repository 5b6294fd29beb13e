import Foundation
import Testing

/// `doctor NAME`'s role and layer checks through the built binary against moto behind the proxy.
@Suite(
    "doctor's role and layer checks against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct DoctorRoleTests: DoctorSuite {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    @Test("a mapping whose source the role cannot read is an error; granting the actions through lambdactl clears it")
    func roleMissing() throws {
        let zip = try LifecycleZip.write(comment: "doc-role")
        try run(["create-function", "doc-role", "--code", zip, "--runtime", "python3.13", "--handler", "app.handler"])
        try run(["request", "sqs", "POST", "/", "--target", "CreateQueue", "--data", #"{"QueueName":"doc-role-q"}"#])
        let queue = "arn:aws:sqs:us-east-1:123456789012:doc-role-q"
        try run(["request", "lambda", "POST", "/2015-03-31/event-source-mappings/", "--data",
                 #"{"FunctionName":"doc-role","EventSourceArn":"\#(queue)"}"#])
        let result = try run(["doctor", "doc-role", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["role-missing-permission"])
        let text = try run(["doctor", "doc-role"], exit: 12).stdout
        #expect(text.contains("sqs:ReceiveMessage") && text.contains("lambdactl update-config doc-role --policy-file"), "\(text)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("doc-role-\(UUID().uuidString).json").path
        try #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"\#(queue)"}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        try run(["update-config", "doc-role", "--policy-file", file])
        #expect(try run(["doctor", "doc-role"]).stdout.contains("no findings"))
    }

    @Test("with the role's policies unreadable (IAM denies the list calls), role-unreadable is a warning: exit 0, 12 with --strict")
    func roleUnreadable() async throws {
        let zip = try LifecycleZip.write(comment: "doc-unread")
        try run(["create-function", "doc-unread", "--code", zip, "--runtime", "python3.13", "--handler", "app.handler"])
        try run(["request", "sqs", "POST", "/", "--target", "CreateQueue", "--data", #"{"QueueName":"doc-unread-q"}"#])
        let queue = "arn:aws:sqs:us-east-1:123456789012:doc-unread-q"
        try run(["request", "lambda", "POST", "/2015-03-31/event-source-mappings/", "--data",
                 #"{"FunctionName":"doc-unread","EventSourceArn":"\#(queue)"}"#])
        try await proxy.faults(#"{"deny_operations": ["GetRole", "ListAttachedRolePolicies", "ListRolePolicies"]}"#)
        let text = try run(["doctor", "doc-unread"]).stdout
        #expect(text.contains("warning: could not read execution role lambdactl-doc-unread-role (AccessDenied:"), "\(text)")
        #expect(text.contains("ListAttachedRolePolicies") && text.contains("request id"), "AWS's line is kept: \(text)")
        #expect(text.contains("its permissions for the event-source mapping from \(queue) were not checked [role-unreadable]"), "\(text)")
        #expect(!text.contains("role-missing-permission"), "nothing is claimed missing from a role not read")
        let json = try run(["doctor", "doc-unread", "--output", "json", "--strict"], exit: 12).stdout
        #expect(try codes(json) == ["role-unreadable"])
        try await proxy.faults(#"{"deny_operations": null}"#)
        #expect(try codes(try run(["doctor", "doc-unread", "--output", "json"], exit: 12).stdout) == ["role-missing-permission"])
    }

    @Test("a layer published for another runtime is an error naming both runtimes")
    func layerIncompatible() throws {
        let zip = try LifecycleZip.write(comment: "doc-layer")
        try run(["publish-layer", "doc-node-deps", "--code", zip, "--compatible-runtime", "nodejs22.x"])
        let layer = "arn:aws:lambda:us-east-1:123456789012:layer:doc-node-deps:1"
        try run(["create-function", "doc-layer", "--code", zip, "--runtime", "python3.13", "--handler", "app.handler",
                 "--layer", layer])
        let result = try run(["doctor", "doc-layer", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["layer-incompatible"])
        #expect(result.stdout.contains("python3.13") && result.stdout.contains("nodejs22.x"))
    }
}

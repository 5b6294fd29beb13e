import AWSCore
import AWSIAM
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("create-function: roles that may still be propagating")
struct RolePropagationTests {
    static let create = "POST /2015-03-31/functions"
    static let roleError = restJSONError(
        400, "InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.")
    /// The harness clock's start (its ManualClock).
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// A GetRole answer for `name` with an optional lambdactl tag and a CreateDate `age` seconds ago.
    static func getRole(_ name: String, tagged: Bool, age: TimeInterval) -> HTTPResponse {
        let formatter = ISO8601DateFormatter()
        let tags = tagged ? "<Tags><member><Key>lambdactl:created</Key><Value>true</Value></member></Tags>" : ""
        return xml(200, """
            <GetRoleResponse><GetRoleResult><Role><RoleName>\(name)</RoleName>\
            <Arn>arn:aws:iam::123456789012:role/\(name)</Arn>\
            <CreateDate>\(formatter.string(from: now.addingTimeInterval(-age)))</CreateDate>\(tags)</Role>\
            </GetRoleResult></GetRoleResponse>
            """)
    }

    func run(_ harness: Harness, role: String? = nil) async throws -> FunctionCreator.Result {
        let zip = try temporaryZip()
        return try await FunctionCreator(services: harness.services())
            .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler", role: role))
    }

    @Test("the rerun after an interruption retries for the role lambdactl created earlier")
    func earlierLambdactlRole() async throws {
        let harness = Harness()
        harness.transport.on("GetRole", Self.getRole("lambdactl-f-role", tagged: true, age: 3600))
        harness.transport.on(Self.create, Self.roleError, json(201, configuration(state: "Pending")))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        let result = try await run(harness)
        #expect(!result.roleCreated)
        #expect(harness.transport.count(Self.create) == 2)
    }

    @Test("a --role (name or ARN) created less than 10 minutes ago is retried; an older one fails at once")
    func recentGivenRole() async throws {
        for role in ["ci-role", "arn:aws:iam::123456789012:role/ci-role"] {
            let recent = Harness()
            recent.transport.on("GetRole", Self.getRole("ci-role", tagged: false, age: 120))
            recent.transport.on(Self.create, Self.roleError, json(201, configuration(state: "Pending")))
            recent.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
            _ = try await run(recent, role: role)
            #expect(recent.transport.count(Self.create) == 2)

            let old = Harness()
            old.transport.on("GetRole", Self.getRole("ci-role", tagged: false, age: 601))
            old.transport.on(Self.create, Self.roleError)
            await #expect(throws: AWSServiceError.self) { _ = try await run(old, role: role) }
            #expect(old.transport.count(Self.create) == 1)
        }
    }

    @Test("a --role ARN whose GetRole is refused is used as is, without retries")
    func unreadableRole() async throws {
        let harness = Harness()
        harness.transport.on("GetRole", xml(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>"))
        harness.transport.on(Self.create, Self.roleError)
        await #expect(throws: AWSServiceError.self) { _ = try await run(harness, role: "arn:aws:iam::123456789012:role/ci-role") }
        #expect(harness.transport.count(Self.create) == 1)
    }

    @Test("Ctrl-C during the role wait says what exists now and keeps the new role")
    func interruptedRoleWait() async throws {
        let harness = Harness()
        harness.transport.on("GetRole", xml(404, "<ErrorResponse><Error><Code>NoSuchEntity</Code><Message>no</Message></Error></ErrorResponse>"))
        harness.transport.on("CreateRole", xml(200, """
            <CreateRoleResponse><CreateRoleResult><Role><RoleName>lambdactl-f-role</RoleName>\
            <Arn>arn:aws:iam::123456789012:role/lambdactl-f-role</Arn></Role></CreateRoleResult></CreateRoleResponse>
            """))
        harness.transport.on("AttachRolePolicy", xml(200, "<AttachRolePolicyResponse/>"))
        harness.transport.on(Self.create, Self.roleError)
        var services = harness.services()
        services.time = TimeSource(now: { Self.now }, sleep: { _ in throw CancellationError() })
        let zip = try temporaryZip()
        await #expect(throws: CancellationError.self) {
            _ = try await FunctionCreator(services: services)
                .run(.init(name: "f", codePath: zip.path, runtime: "python3.13", handler: "app.handler"))
        }
        #expect(harness.progress.lines.last
            == "interrupted: role lambdactl-f-role was created, function f was not created; run the same command again to finish (it reuses the role)")
        #expect(harness.transport.count("DeleteRole") == 0)
    }

    @Test("IAM's CreateDate is read from GetRole")
    func createDate() {
        let role = IAMRole(name: "r", arn: "a", createDate: Self.now.addingTimeInterval(-599))
        #expect(RoleProvisioner.mayStillPropagate(role, now: Self.now))
        #expect(!RoleProvisioner.mayStillPropagate(IAMRole(name: "r", arn: "a", createDate: Self.now.addingTimeInterval(-600)), now: Self.now))
        #expect(!RoleProvisioner.mayStillPropagate(IAMRole(name: "r", arn: "a"), now: Self.now))
    }
}

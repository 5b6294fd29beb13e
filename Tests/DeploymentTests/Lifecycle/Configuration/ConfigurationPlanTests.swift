import AWSCore
import AWSLambda
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("update-config and its plan")
struct ConfigurationPlanTests {
    let current = FunctionConfiguration(
        functionName: "f", handler: "app.handler", description: "", timeout: 3, memorySize: 128,
        environment: EnvironmentResponse(variables: ["A": "1", "B": "2"]),
        layers: [LayerReference(arn: "arn:aws:lambda:eu-west-1:1:layer:x:1")], revisionID: "r1")

    @Test("only fields that differ are planned")
    func onlyDifferences() {
        let plan = ConfigurationPlan(
            current: current, desired: DesiredConfiguration(memorySize: 256, timeout: 3, handler: "app.handler"))
        #expect(plan.changes == ConfigurationChanges(memorySize: 256))
    }

    @Test("nothing is planned when nothing differs")
    func nothing() {
        let plan = ConfigurationPlan(
            current: current,
            desired: DesiredConfiguration(
                memorySize: 128, description: "", setEnvironment: ["A": "1"],
                layers: ["arn:aws:lambda:eu-west-1:1:layer:x:1"]))
        #expect(plan.isEmpty)
    }

    @Test("environment changes merge set and unset into the whole new environment")
    func environment() {
        let plan = ConfigurationPlan(
            current: current, desired: DesiredConfiguration(setEnvironment: ["C": "3"], unsetEnvironment: ["A"]))
        #expect(plan.changes == ConfigurationChanges(environment: ["B": "2", "C": "3"]))
    }

    @Test("limits are checked locally", arguments: [
        DesiredConfiguration(memorySize: 127), DesiredConfiguration(memorySize: 10241), DesiredConfiguration(timeout: 0),
        DesiredConfiguration(timeout: 901), DesiredConfiguration(setEnvironment: ["1BAD": "x"]),
        DesiredConfiguration(setEnvironment: ["AWS_REGION": "x"]), DesiredConfiguration(setEnvironment: ["LAMBDA_TASK_ROOT": "/x"]),
        DesiredConfiguration(description: String(repeating: "d", count: 257)),
    ])
    func limits(desired: DesiredConfiguration) {
        #expect(throws: LifecycleError.self) { try desired.validate() }
    }

    @Test("an environment over 4 KB is refused")
    func environmentSize() {
        // {"BIG":"x…"} is 10 bytes plus the value: Lambda measures the JSON object.
        #expect(throws: LifecycleError.self) { try EnvironmentSize.check(["BIG": String(repeating: "x", count: 4087)]) }
        #expect(throws: Never.self) { try EnvironmentSize.check(["BIG": String(repeating: "x", count: 4086)]) }
        #expect(EnvironmentSize.of([:]) == 2)
        #expect(EnvironmentSize.of(["A": "1", "B": "2"]) == #"{"A":"1","B":"2"}"#.utf8.count)
        #expect(EnvironmentSize.of(["Q": "a\"b\\c\n"]) == #"{"Q":"a\"b\\c\n"}"#.utf8.count)
        #expect(EnvironmentSize.of(["U": "é"]) == #"{"U":"é"}"#.utf8.count)
    }

    @Test("an unchanged configuration sends no update")
    func noUpdateCall() async throws {
        let harness = Harness()
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration(memory: 256)))
        let result = try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration(memorySize: 256))
        #expect(result.changed == false)
        #expect(harness.transport.routes == ["GET /2015-03-31/functions/f/configuration"])
    }

    @Test("a change sends only the differing fields with the RevisionId and waits")
    func sendsDifferences() async throws {
        let harness = Harness()
        let route = "GET /2015-03-31/functions/f/configuration"
        harness.transport.on(route, json(200, configuration(revision: "r7", memory: 128)), json(200, configuration(memory: 512)))
        harness.transport.on("PUT /2015-03-31/functions/f/configuration", json(200, configuration(update: "InProgress", memory: 512)))
        let result = try await ConfigUpdater(services: harness.services())
            .run("f", desired: DesiredConfiguration(memorySize: 512, timeout: 3))
        #expect(result.fields == ["MemorySize"])
        let put = try #require(harness.transport.sent.first { $0.method == "PUT" })
        #expect(jsonBody(put) as NSDictionary == ["MemorySize": 512, "RevisionId": "r7"] as NSDictionary)
        #expect(harness.transport.count(route) == 2)
    }

    @Test("env files are parsed with comments, export and quotes")
    func envFile() throws {
        let parsed = try EnvironmentInput.parse(file: "# c\nexport A=1\nB=\"two words\"\n\nC='x=y'\n", path: "f")
        #expect(parsed == ["A": "1", "B": "two words", "C": "x=y"])
        #expect(throws: LifecycleError.self) { try EnvironmentInput.parse(assignments: ["NOEQUALS"]) }
    }
}

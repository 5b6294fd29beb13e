import Foundation
import Testing

/// Alias moves and rollbacks against moto behind the verifying proxy: every move records where
/// the alias was in the function tag `lambdactl:previous:<alias>`, and rollback walks it back.
@Suite(
    "Alias history and update-code --alias against the harness", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct AliasHistoryIntegrationTests {
    let proxy: LifecycleProxy
    let harness: Harness

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        harness = try #require(Harness.current)
        try await proxy.control("POST", "reset")
    }

    /// The function's `lambdactl:previous:live` tag, read with the AWS CLI.
    func recorded(_ function: String) throws -> String? {
        let arn = "arn:aws:lambda:\(harness.region):123456789012:function:\(function)"
        let result = try AWSCLI.run(["lambda", "list-tags", "--resource", arn, "--output", "json"], harness: harness)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["Tags"] as? [String: String])?["lambdactl:previous:live"]
    }

    @Test("a second rollback goes further back, not forth; rollback --to-version goes where it is told")
    func rollbackWalksBack() async throws {
        let one = try LifecycleZip.write(comment: "h1"), two = try LifecycleZip.write(comment: "h2")
        let three = try LifecycleZip.write(comment: "h3")
        let create = try proxy.lambdactl(["create-function", "hist", "--code", one, "--runtime", "python3.12", "--handler", "app.handler", "--publish"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        let alias = try proxy.lambdactl(["alias", "hist", "live", "--to-version", "1"])
        #expect(alias.stdout.contains("hist:live → 1 (created)"), "\(alias.stderr)")
        for zip in [two, three] {
            let update = try proxy.lambdactl(["update-code", "hist", "--code", zip, "--alias", "live"])
            #expect(update.exitCode == 0, "\(update.stderr)")
        }
        #expect(try recorded("hist") == "2/1")
        let back = try proxy.lambdactl(["rollback", "hist", "--alias", "live"])
        #expect(back.stdout.contains("hist:live → 2 (was 3)"), "\(back.stderr)")
        let further = try proxy.lambdactl(["rollback", "hist", "--alias", "live"])
        #expect(further.stdout.contains("hist:live → 1 (was 2)"), "a second rollback goes back to 1, not forth to 3: \(further.stdout) \(further.stderr)")
        #expect(try recorded("hist") == "")
        let to = try proxy.lambdactl(["rollback", "hist", "--alias", "live", "--to-version", "3"])
        #expect(to.stdout.contains("hist:live → 3 (was 1)"), "\(to.stderr)")
        let missing = try proxy.lambdactl(["rollback", "hist", "--alias", "live", "--to-version", "9"])
        #expect(missing.exitCode == 2 && missing.stderr.contains("has no version 9"), "\(missing.stderr)")
        #expect(try await proxy.log().allSatisfy(\.verified))
    }

    @Test("update-code --alias with unchanged code after a rollback moves the alias back without publishing")
    func unchangedCodeConverges() async throws {
        let one = try LifecycleZip.write(comment: "u1"), two = try LifecycleZip.write(comment: "u2")
        let create = try proxy.lambdactl(["create-function", "conv", "--code", one, "--runtime", "python3.12", "--handler", "app.handler"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        _ = try proxy.lambdactl(["update-code", "conv", "--code", one, "--alias", "live"])
        let update = try proxy.lambdactl(["update-code", "conv", "--code", two, "--alias", "live"])
        #expect(update.stdout.contains("Alias:   live → 2"), "\(update.stdout) \(update.stderr)")
        _ = try proxy.lambdactl(["rollback", "conv", "--alias", "live"])
        try await proxy.control("DELETE", "log")
        let again = try proxy.lambdactl(["update-code", "conv", "--code", two, "--alias", "live"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout.contains("conv: unchanged"), "\(again.stdout)")
        #expect(again.stdout.contains("Alias:   live → 2 (was 1)"), "\(again.stdout)")
        let log = try await proxy.log()
        #expect(!log.contains { $0.operation == "UpdateFunctionCode" || $0.operation == "PublishVersion" })
        try await proxy.control("DELETE", "log")
        let rerun = try proxy.lambdactl(["update-code", "conv", "--code", two, "--alias", "live", "--output", "json"])
        #expect(rerun.stdout.contains(#""published" : false"#), "\(rerun.stdout)")
        #expect(try await proxy.log().allSatisfy { $0.bodySize == 0 }, "a rerun writes nothing")
        let dry = try proxy.lambdactl(["update-code", "conv", "--code", two, "--alias", "beta", "--dry-run"])
        #expect(dry.stdout.contains("Alias:   beta → 2 (would create)"), "\(dry.stdout)")
        let created = try proxy.lambdactl(["update-code", "conv", "--code", two, "--alias", "beta"])
        #expect(created.stdout.contains("Alias:   beta → 2 (created)"), "a new alias is created: \(created.stdout)")
    }

    @Test("update-code --publish with unchanged code publishes when the latest version differs")
    func publishAloneCatchesUp() async throws {
        let one = try LifecycleZip.write(comment: "p1")
        let create = try proxy.lambdactl(["create-function", "catch", "--code", one, "--runtime", "python3.12", "--handler", "app.handler", "--publish"])
        #expect(create.exitCode == 0, "\(create.stderr)")
        let config = try proxy.lambdactl(["update-config", "catch", "--memory", "256"])
        #expect(config.exitCode == 0, "\(config.stderr)")
        let publish = try proxy.lambdactl(["update-code", "catch", "--code", one, "--publish"])
        #expect(publish.stdout.contains("Version: 2 (published)"), "\(publish.stdout) \(publish.stderr)")
        let again = try proxy.lambdactl(["update-code", "catch", "--code", one, "--publish"])
        #expect(again.stdout.contains("Version: 2 (existing"), "\(again.stdout)")
    }
}

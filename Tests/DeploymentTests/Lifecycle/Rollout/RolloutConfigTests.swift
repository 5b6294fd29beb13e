import Foundation
import Testing
@testable import Deployment

/// `rollout:` in lambdactl.yml: decoded with its defaults, refused with file:line when it
/// cannot work, accepted at the top of the app form.
@Suite("Deploy config: rollout")
struct RolloutConfigTests {
    static func config(_ top: String) -> String {
        """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: build/hello.zip
        \(top)
        """
    }

    static func checked(_ text: String) throws -> DeployConfig {
        let config = try DeployConfigParser(path: "/p/lambdactl.yml", environment: [:]).parse(text)
        try DeployValidation.check(config, file: "/p/lambdactl.yml")
        return config
    }

    @Test("absent: no rollout; {} takes 10%, 50% every 2m; given values are kept")
    func decoding() throws {
        #expect(try Self.checked(Self.config("alias: live")).rollout == nil)
        let empty = try Self.checked(Self.config("alias: live\nrollout: {}")).rollout
        #expect(empty?.schedule == RolloutSchedule(steps: [10, 50], interval: .seconds(120)))
        let given = try Self.checked(Self.config("alias: live\nrollout: {steps: [5, 25, 100], interval: 30s, alarms: [errors], watch_errors: true}"))
        #expect(given.rollout == RolloutSpec(steps: [5, 25, 100], interval: "30s", alarms: ["errors"], watchErrors: true))
        #expect(given.rollout?.schedule?.weights == [0.05, 0.25, 1])
    }

    @Test(
        "refused at its line: no alias, steps that do not go up or leave 0–100, an interval that is no duration, an unknown key",
        arguments: [
            ("rollout: {steps: [10]}", "lambdactl.yml:6", "needs alias:"),
            ("alias: live\nrollout: {steps: [50, 10]}", "lambdactl.yml:7", "rollout.steps: the steps must go up"),
            ("alias: live\nrollout: {steps: [0]}", "lambdactl.yml:7", "0% is not a percentage between 0 and 100"),
            ("alias: live\nrollout: {interval: soon}", "lambdactl.yml:7", "rollout.interval \"soon\" is not a duration"),
            ("alias: live\nrollout: {stepz: [10]}", "lambdactl.yml:7", "stepz"),
        ])
    func refusals(top: String, location: String, message: String) {
        do {
            _ = try Self.checked(Self.config(top))
            Issue.record("accepted: \(top)")
        } catch {
            let text = String(describing: error)
            #expect(text.contains(location) && text.contains(message), "\(text)")
        }
    }

    @Test("the app form takes rollout: at the top and gives it to every function")
    func appForm() throws {
        let text = """
            app: shop
            alias: live
            rollout: {steps: [20], interval: 1m, alarms: [errors]}
            defaults: {runtime: python3.12, handler: app.handler}
            functions:
              api: {code: api}
              worker: {code: worker}
            """
        guard case .app(let app) = try DeployConfigParser(path: "/p/lambdactl.yml", environment: [:]).parseFile(text) else {
            Issue.record("not the app form")
            return
        }
        #expect(app.functions.map(\.config.rollout) == [
            RolloutSpec(steps: [20], interval: "1m", alarms: ["errors"]), RolloutSpec(steps: [20], interval: "1m", alarms: ["errors"]),
        ])
    }
}

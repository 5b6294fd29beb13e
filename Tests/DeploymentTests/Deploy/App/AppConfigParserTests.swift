import Foundation
import Testing
@testable import Deployment

@Suite("App form: defaults merged, stage names, layer and route references, --set, ${NAME:-default}")
struct AppConfigParserTests {
    static let shop = """
        app: shop
        stage: ${STAGE:-dev}
        defaults:
          runtime: python3.12
          memory: 256
          timeout: 10
          environment: {LOG_LEVEL: info, REGION_NAME: east}
          tags: {team: shop}
          layers: [shop-deps]
        layers:
          - name: shop-deps
            code: build/deps
            compatible_runtimes: [python3.12]
        functions:
          users:
            handler: users.handler
            code: src/users
            environment: {LOG_LEVEL: debug}
          orders-worker:
            handler: worker.handler
            code: src/worker
            layers: [arn:aws:lambda:us-east-1:123456789012:layer:other:2]
            triggers: [{sqs: orders, batch_size: 10}]
          nightly:
            name: night-job
            handler: nightly.handler
            code: src/nightly
            memory: 512
            tags: null
        apis:
          shop-api:
            routes: {"GET /users": users, "post /users": users, "ANY /{proxy+}": orders-worker}
            cors_origins: [https://shop.example.com]
        publish: true
        alias: live
        """

    func parse(_ text: String = shop, environment: [String: String] = [:], set: [String] = []) throws -> AppConfig {
        let parser = DeployConfigParser(
            path: "/app/lambdactl.yml", environment: environment, overrides: ConfigOverrides(option: "--set", set))
        guard case .app(let app) = try parser.parseFile(text) else {
            Issue.record("not read as an app")
            throw CancellationError()
        }
        return app
    }

    func failure(_ text: String, set: [String] = []) -> String {
        do {
            _ = try parse(text, set: set)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("each function gets the defaults: maps merged key by key with the function winning, other values replaced")
    func mergesDefaults() throws {
        let app = try parse()
        let users = try #require(app.function("users")).config.function
        #expect(users.environment == ["LOG_LEVEL": "debug", "REGION_NAME": "east"])
        #expect(users.memory == 256 && users.timeout == 10 && users.runtime == "python3.12")
        #expect(users.layers == ["shop-deps"])
        let nightly = try #require(app.function("nightly")).config.function
        #expect(nightly.memory == 512)
        #expect(nightly.tags == nil, "an explicit null removes the defaults' map")
        let worker = try #require(app.function("orders-worker"))
        #expect(worker.config.function.layers == ["arn:aws:lambda:us-east-1:123456789012:layer:other:2"], "a list replaces the default's")
        #expect(worker.layerReferences == [])
        #expect(worker.config.triggers?.count == 1)
        #expect(app.functions.allSatisfy { $0.config.publish && $0.config.alias == "live" })
    }

    @Test("with a stage every derived name gets the suffix and the ownership carries app and stage")
    func stageSuffixes() throws {
        let app = try parse()
        #expect(app.functions.map(\.name) == ["users-dev", "orders-worker-dev", "night-job-dev"])
        #expect(app.layers.map(\.name) == ["shop-deps-dev"] && app.layerNames == ["shop-deps": "shop-deps-dev"])
        #expect(app.apis.map(\.name) == ["shop-api-dev"])
        #expect(app.ownership.tags == ["lambdactl:app": "shop", "lambdactl:stage": "dev"])
        #expect(app.functions.allSatisfy { $0.config.ownership == app.ownership })
        #expect(app.layers.first?.code == "/app/build/deps" && app.function("users")?.config.function.code == "/app/src/users")
        let mapping = try #require(app.function("orders-worker")?.config.triggers?.first)
        guard case .mapping(let spec) = mapping.spec else { Issue.record("not a mapping"); return }
        #expect(spec.tags == app.ownership.tags, "mappings the app makes carry its tags")
    }

    @Test("${NAME:-default} takes the variable when set and not empty, else the default")
    func defaultExpansion() throws {
        #expect(try parse(environment: ["STAGE": "prod"]).ownership.stage == "prod")
        #expect(try parse(environment: ["STAGE": ""]).ownership.stage == "dev")
        #expect(try DeployConfigParser.interpolate("${A:-x:-y}", environment: [:], at: "f") == "x:-y")
        let noStage = try parse(Self.shop.replacingOccurrences(of: "stage: ${STAGE:-dev}\n", with: ""))
        #expect(noStage.ownership.stage == nil && noStage.functions.first?.name == "users")
    }

    @Test("routes are keyed, normalised and grouped by function")
    func routes() throws {
        let api = try #require(try parse().apis.first)
        #expect(api.routes.map(\.key) == ["GET /users", "POST /users", "ANY /{proxy+}"])
        #expect(api.routeKeys(of: "users") == ["GET /users", "POST /users"])
        #expect(api.functionKeys == ["users", "orders-worker"])
        #expect(api.stage == "$default" && api.corsOrigins == ["https://shop.example.com"])
    }

    @Test("--set reaches a function and the defaults")
    func overrides() throws {
        let app = try parse(set: ["functions.users.memory=1024", "defaults.timeout=30"])
        #expect(app.function("users")?.config.function.memory == 1024)
        #expect(app.function("orders-worker")?.config.function.timeout == 30)
        #expect(app.function("nightly")?.config.function.memory == 512)
        #expect(failure(Self.shop, set: ["function.memory=1"]).contains("unknown key \"function\""))
        #expect(failure(Self.shop, set: ["functions.users.memroy=1"]).contains("unknown key \"memroy\""))
    }

    @Test("mistakes are refused with the file and line before any call", arguments: [
        ("functions:\n  users:\n    handler: a.b\n    code: x\n    memroy: 3", "lambdactl.yml:7: unknown key \"memroy\" in functions.users"),
        ("functions:\n  users:\n    handler: a.b\n    code: x\n    layers: [nope]", "lambdactl.yml:7: functions.users.layers: no layer named \"nope\""),
        ("functions:\n  users: {handler: a.b, code: x}\napis:\n  a:\n    routes: {\"GET /x\": ghost}", "lambdactl.yml:7: apis.a.routes \"GET /x\" names no function"),
        ("functions:\n  users: {handler: a.b, code: x}\napis:\n  a:\n    routes: {\"GET /x\": users, \"get /x\": users}", "lambdactl.yml:7: apis.a.routes: GET /x is given twice"),
        ("functions:\n  users: {handler: a.b, code: x}\napis:\n  a:\n    routes: {\"FETCH /x\": users}", "lambdactl.yml:7: apis.a.routes:"),
        ("functions: {}", "an app file needs functions:"),
        ("defaults:\n  name: x\nfunctions:\n  users: {handler: a.b, code: x}", "lambdactl.yml:3: unknown key \"name\" in defaults"),
        ("functions:\n  a: {handler: a.b, code: x, name: same}\n  b: {handler: a.b, code: x, name: same}", "two functions are named same"),
        ("functions:\n  users: {handler: a.b, code: x, memory: lots}", "lambdactl.yml:"),
    ])
    func refusals(body: String, expected: String) {
        // Line 1 is app:, line 2 the defaults (unless the body gives its own).
        let defaults = body.hasPrefix("defaults:") ? "" : "defaults: {runtime: python3.12}\n"
        let message = failure("app: shop\n" + defaults + body)
        #expect(message.contains(expected), "\(message)")
    }

    @Test("the single-function form is unchanged, and its parse refuses an app file")
    func singleForm() throws {
        let parser = DeployConfigParser(path: "f.yml", environment: [:])
        let single = "function: {name: a, runtime: python3.12, handler: a.b, code: x}\n"
        guard case .function(let config) = try parser.parseFile(single) else { Issue.record("not single"); return }
        #expect(config.ownership == nil && config.function.name == "a")
        #expect(throws: DeployConfigError.self) { try parser.parse(Self.shop) }
    }
}

import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Deploy config: decoding, unknown keys, ${VAR} and --set")
struct DeployConfigTests {
    static let full = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: build/hello.zip
          role: hello-role
          memory: 256
          timeout: 10
          architecture: arm64
          description: says hello
          environment:
            STAGE: ${STAGE}
            PRICE: "$${NOT_A_VAR}"
          env_file: hello.env
          layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:3]
          tags: {team: platform}
        layers:
          - name: deps
            code: ../deps
            compatible_runtimes: [python3.12]
            compatible_architectures: [arm64]
            description: packages
        publish: true
        alias: live
        routes:
          api: hello-api
          routes: ["GET /hello"]
          stage: $default
          cors_origins: ["https://example.com"]
        wait_timeout: 5m
        """

    static let minimal = """
        function:
          name: hello
          runtime: python3.12
          handler: app.handler
          code: hello.zip
        """

    func parse(_ text: String, env: [String: String] = ["STAGE": "prod"], set: [String] = []) throws -> DeployConfig {
        try DeployConfigParser(path: "/repo/deploy/lambdactl.yml", environment: env, overrides: ConfigOverrides(option: "--set", set)).parse(text)
    }

    func failure(_ text: String, env: [String: String] = [:], set: [String] = []) -> String {
        do {
            _ = try parse(text, env: env, set: set)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("every documented field decodes, and paths become absolute against the config file's directory")
    func decodesEveryField() throws {
        let config = try parse(Self.full)
        #expect(config.function.name == "hello" && config.function.memory == 256 && config.function.timeout == 10)
        #expect(config.function.code == "/repo/deploy/build/hello.zip")
        #expect(config.function.envFile == "/repo/deploy/hello.env")
        #expect(config.layers.first?.code == "/repo/deps")
        #expect(config.layers.first?.compatibleRuntimes == ["python3.12"])
        #expect(config.function.environment == ["STAGE": "prod", "PRICE": "${NOT_A_VAR}"])
        #expect(config.function.tags == ["team": "platform"])
        #expect(config.publish && config.alias == "live" && config.waitTimeoutSeconds == 300)
        #expect(config.routes == RoutesSpec(api: "hello-api", routes: ["GET /hello"], stage: "$default", corsOrigins: ["https://example.com"]))
    }

    @Test("a minimal config gets the defaults: no publish, no layers, a 10 minute wait")
    func defaults() throws {
        let config = try parse(Self.minimal)
        #expect(!config.publish && config.layers.isEmpty && config.alias == nil && config.routes == nil)
        #expect(config.waitTimeoutSeconds == 600 && !config.publishes)
    }

    @Test("an unknown key is named with the file, its line and the keys allowed there")
    func unknownKey() {
        let message = failure(Self.minimal + "\n  memroy: 512\n")
        #expect(message.contains("/repo/deploy/lambdactl.yml:6"))
        #expect(message.contains("unknown key \"memroy\" in function"))
        #expect(message.contains("memory"))
    }

    @Test("unknown keys are found at the top level and inside list items too")
    func unknownNestedKeys() {
        #expect(failure(Self.minimal + "\nregion: eu-west-1\n").contains("unknown key \"region\" at the top level"))
        let layer = Self.minimal + "\nlayers:\n  - name: deps\n    code: d.zip\n    runtimes: [python3.12]\n"
        #expect(failure(layer).contains(":9: unknown key \"runtimes\" in layers"))
    }

    @Test("free-form maps (environment, tags) accept any key")
    func freeFormMaps() throws {
        let config = try parse(Self.minimal + "\n  environment: {ANYTHING: x}\n  tags: {whatever: y}\n")
        #expect(config.function.environment == ["ANYTHING": "x"] && config.function.tags == ["whatever": "y"])
    }

    @Test("a missing required key or a value of the wrong type is named")
    func missingAndMistyped() {
        #expect(failure("function:\n  name: x\n  runtime: r\n  code: c\n").contains("missing key \"handler\" in function"))
        #expect(failure(Self.minimal + "\n  memory: lots\n").contains("function.memory should be a whole number"))
        #expect(failure("").contains("is empty"))
        #expect(failure("function: [").contains("not valid YAML"))
    }

    @Test("a YAML syntax error is one line with file, line and column, without the quoted source")
    func syntaxErrorLine() {
        let message = failure("function:\n  name: d1\n  runtime: [python3.12\n")
        #expect(message.contains("lambdactl.yml:4:1: not valid YAML: did not find expected ',' or ']'"))
        #expect(message.contains("while parsing a flow sequence that starts at line 3"))
        #expect(!message.contains("^") && !message.contains("error: parser"))
    }

    @Test("a single value where a list belongs, and a list where a value belongs, are named as such")
    func listVersusValue() {
        #expect(failure(Self.minimal + "\nroutes:\n  api: a\n  routes: \"GET /hello\"\n").contains("routes.routes should be a list"))
        #expect(failure(Self.minimal + "\n  environment:\n    A: [1, 2]\n").contains("function.environment.A should be a single value"))
    }

    @Test("a file whose top level is a list says it should be a mapping with function:")
    func topLevelList() {
        #expect(failure("- a\n- b\n").hasSuffix("lambdactl.yml: the file should be a mapping with function: at the top; see Config/lambdactl.example.yml"))
    }

    @Test("${NAME} is replaced, a missing variable is named with its line, $${ stays literal")
    func interpolation() throws {
        #expect(try DeployConfigParser.interpolate("a-${X}-${Y}", environment: ["X": "1", "Y": "2"], at: "f") == "a-1-2")
        #expect(try DeployConfigParser.interpolate("cost $${X}", environment: [:], at: "f") == "cost ${X}")
        let message = failure(Self.minimal + "\n  description: ${MISSING_THING}\n")
        #expect(message.contains("lambdactl.yml:6") && message.contains("MISSING_THING is not set"))
        let config = try parse(Self.minimal + "\n  memory: ${MEM}\n", env: ["MEM": "1024"])
        #expect(config.function.memory == 1024)
    }

    @Test("${NAME:-default} in the single-function form: the default when NAME is unset or empty, else NAME; a number stays a number")
    func defaultForm() throws {
        let text = Self.minimal + "\n  memory: ${MEM:-256}\n  description: ${DESC:-made by init}\n"
        let defaults = try parse(text, env: [:])
        #expect(defaults.function.memory == 256 && defaults.function.description == "made by init")
        let empty = try parse(text, env: ["MEM": "", "DESC": ""])
        #expect(empty.function.memory == 256 && empty.function.description == "made by init")
        let set = try parse(text, env: ["MEM": "1024", "DESC": "x"])
        #expect(set.function.memory == 1024 && set.function.description == "x")
        #expect(try DeployConfigParser.interpolate("arn:${P:-aws}:s3:::${B:-}", environment: [:], at: "f") == "arn:aws:s3:::")
        #expect(try DeployConfigParser.interpolate("$${A:-b}", environment: [:], at: "f") == "${A:-b}")
    }

    @Test("--set overrides a value, adds a missing one, and reads YAML values")
    func overrides() throws {
        let config = try parse(
            Self.minimal, set: ["function.memory=512", "alias=live", "function.layers=[a, b]", "publish=true"])
        #expect(config.function.memory == 512 && config.alias == "live" && config.publish)
        #expect(config.function.layers == ["a", "b"])
        let numeric = try parse(
            Self.minimal + "\n  description: ${N}\n", env: ["N": "42"], set: ["function.environment={PORT: 8080, ON: yes}"])
        #expect(numeric.function.description == "42" && numeric.function.environment == ["PORT": "8080", "ON": "yes"])
        let replaced = try parse(Self.full, set: ["function.memory=1024", "function.environment.STAGE=dev"])
        #expect(replaced.function.memory == 1024 && replaced.function.environment?["STAGE"] == "dev")
    }

    @Test("--set with an unknown key or no = is refused with the key named")
    func badOverrides() {
        #expect(failure(Self.minimal, set: ["function.memroy=512"]).contains("unknown key \"memroy\""))
        #expect(failure(Self.minimal, set: ["function.memory"]).contains("--set takes KEY.PATH=VALUE"))
    }

    @Test("values are checked locally: ranges, architecture, alias, route keys, layer count")
    func validation() throws {
        func problem(_ set: [String]) throws -> String {
            let config = try parse(Self.minimal, set: set)
            do {
                try DeployValidation.check(config, file: "x.yml")
                return "no error"
            } catch {
                return String(describing: error)
            }
        }
        #expect(try problem(["function.memory=64"]).contains("outside 128–10240"))
        #expect(try problem(["function.timeout=901"]).contains("outside 1–900"))
        #expect(try problem(["function.environment.AWS_REGION=x"]).contains("environment variable AWS_REGION is reserved"))
        #expect(try problem(["function.architecture=arm"]).contains("x86_64 or arm64"))
        #expect(try problem(["alias=7"]).contains("not only digits"))
        #expect(try problem(["wait_timeout=soon"]).contains("wait_timeout"))
        #expect(try problem(["routes={api: a, routes: [\"FETCH /x\"]}"]).contains("invalid route key 'FETCH /x'"))
        #expect(try problem(["function.layers=[a, b, c, d, e, f]"]).contains("at most 5 layers"))
        #expect(try problem(["function.environment={1BAD: x}"]).contains("not a valid variable name"))
        #expect(try problem([]) == "no error")
        #expect(try problem(["routes={api: a, routes: [\"ANY /{proxy+}\", $default]}"]) == "no error")
    }

    @Test("config errors are usage errors; a missing file is a local input error")
    func categories() throws {
        #expect(throws: DeployConfigError.self) { try parse(Self.minimal + "\n  nope: 1\n") }
        do {
            _ = try DeployConfigParser.load("/nonexistent/lambdactl.yml", environment: [:], files: InMemoryFileSystem())
            Issue.record("expected an error")
        } catch let error as DeployConfigError {
            #expect(error.category == .localInput && error.message == "/nonexistent/lambdactl.yml not found" && error.hint == .giveConfigFile)
        }
    }

    @Test("-f naming a directory says so and suggests the file in it")
    func directoryAsConfig() throws {
        let files = InMemoryFileSystem(text: ["/repo/deploy/lambdactl.yml": Self.minimal])
        #expect(throws: DeployConfigError(
            "/repo/deploy is a directory", category: .localInput, hint: .giveConfigInDirectory("/repo/deploy"))) {
            try DeployConfigParser.load("/repo/deploy", environment: [:], files: files)
        }
        #expect(try DeployConfigParser.load("/repo/deploy/lambdactl.yml", environment: [:], files: files).function.code
            == "/repo/deploy/hello.zip")
    }

    @Test("an unset ${VAR} in a --set value is reported against --set, not a line of the file")
    func setUnsetVariable() {
        let message = failure(Self.minimal, set: ["function.description=${NOPE_QA2}"])
        #expect(message.hasPrefix("--set function.description=${NOPE_QA2}: environment variable NOPE_QA2 is not set"))
        #expect(failure(Self.minimal, set: ["function.description=$${X}"]) == "no error")
    }

    @Test("--set into a list element is refused with a hint to set the whole list")
    func setListElement() {
        #expect(failure(Self.minimal, set: ["layers.0.name=x"]).contains("\"0\" addresses a list element"))
        #expect(failure(Self.minimal, set: ["function.layers.1=arn"]).contains("set the whole list"))
    }
}

@Suite("Deploy config files in the repository")
struct DeployConfigFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("the example config parses and passes the local checks")
    func exampleParses() throws {
        let path = Self.root.appendingPathComponent("Config/lambdactl.example.yml").path
        let config = try DeployConfigParser.load(path, environment: ["STAGE": "test"], files: LocalFileSystem())
        try DeployValidation.check(config, file: path)
        #expect(config.function.name == "hello" && config.alias == "live")
    }

    @Test("the app example parses and every function passes the local checks")
    func appExampleParses() throws {
        let path = Self.root.appendingPathComponent("Config/app.example.yml").path
        guard case .app(let app) = try DeployConfigParser.loadFile(path, environment: [:], files: LocalFileSystem()) else {
            Issue.record("the example is not read as an app")
            return
        }
        for function in app.functions { try DeployValidation.check(function.config, file: path) }
        #expect(app.functions.map(\.name) == ["users-dev", "orders-dev", "orders-worker-dev", "nightly-dev"])
        #expect(app.apis.first?.functionKeys == ["users", "orders"])
    }

    @Test("the JSON schema lists exactly the keys the parser accepts, in both forms")
    func schemaMatchesParser() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Config/lambdactl.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func keys(_ object: [String: Any]?) -> [String] {
            ((object?["properties"] as? [String: Any])?.keys).map { Array($0).sorted() } ?? []
        }
        let definitions = schema["$defs"] as? [String: Any]
        func definition(_ name: String) -> [String: Any]? { definitions?[name] as? [String: Any] }
        let properties = definition("functionFile")?["properties"] as? [String: Any]
        let layerItems = definition("layer")
        #expect(keys(definition("functionFile")) == DeployConfigSchema.allowedKeys(at: [])?.sorted())
        #expect(keys(definition("function")) == DeployConfigSchema.allowedKeys(at: ["function"])?.sorted())
        #expect(keys(layerItems) == DeployConfigSchema.allowedKeys(at: ["layers", "[]"])?.sorted())
        #expect(keys(definition("appFile")) == AppSchema.topKeys.sorted())
        #expect(keys(definition("appFunction")) == DeployConfigSchema.allowedKeys(at: ["function"])?.sorted())
        #expect(.keys(keys(definition("appDefaults"))) == AppSchema.rule(at: ["defaults"]).sorted)
        let apis = (definition("appFile")?["properties"] as? [String: Any])?["apis"] as? [String: Any]
        #expect(keys(apis?["additionalProperties"] as? [String: Any]) == AppSchema.apiKeys.sorted())
        #expect(keys(properties?["routes"] as? [String: Any]) == DeployConfigSchema.allowedKeys(at: ["routes"])?.sorted())
    }
}

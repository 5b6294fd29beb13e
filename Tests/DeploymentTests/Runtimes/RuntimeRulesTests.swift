import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import Deployment

@Suite("Runtime table: blocked runtimes refused, deprecated and unknown ones warned, handlers checked")
struct RuntimeRulesTests {
    func refusal(_ runtime: String, for use: RuntimeRules.Use = .create, today: String = "2026-12-01") -> String {
        do {
            _ = try RuntimeRules.check(runtime: runtime, for: use, today: today, option: "--runtime")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test("a runtime Lambda blocks for creation is refused with the date and the successor", arguments: [
        ("python2.7", "2021-07-15", "python3.14"), ("nodejs12.x", "2023-03-31", "nodejs24.x"),
        ("go1.x", "2024-02-08", "provided.al2023"), ("dotnetcore3.1", "2023-04-03", "dotnet10"),
    ])
    func blockedForCreate(runtime: String, date: String, successor: String) {
        let message = refusal(runtime)
        #expect(message.hasPrefix("--runtime \(runtime) is deprecated"))
        #expect(message.contains("refused creating functions with it since \(date)"))
        #expect(message.hasSuffix("use \(successor) instead"))
    }

    @Test("between the two block dates a runtime is refused for creation but only warned for updates")
    func createBlockedBeforeUpdate() throws {
        #expect(refusal("python3.9", for: .create, today: "2026-06-15").contains("since 2026-06-01"))
        let warnings = try RuntimeRules.check(runtime: "python3.9", for: .update, today: "2026-06-15", option: "--runtime")
        #expect(warnings == [
            "--runtime python3.9 is deprecated since 2025-12-15: no more security patches (updates from 2026-07-01); use python3.14 instead"
        ])
        #expect(refusal("python3.9", for: .update, today: "2026-07-01").contains("refused updating functions with it since 2026-07-01"))
    }

    @Test("a deprecated runtime not yet blocked is a warning with its dates")
    func deprecatedWarns() throws {
        let warnings = try RuntimeRules.check(runtime: "nodejs20.x", for: .create, today: "2026-05-01", option: "--runtime")
        #expect(warnings == [
            "--runtime nodejs20.x is deprecated since 2026-04-30: no more security patches (new functions are refused from 2026-08-31, updates from 2026-09-30); use nodejs24.x instead"
        ])
        #expect(try RuntimeRules.check(runtime: "nodejs20.x", for: .create, today: "2026-04-29", option: "--runtime").isEmpty)
    }

    @Test("a supported runtime passes silently; an unknown one is a warning, never a refusal")
    func supportedAndUnknown() throws {
        #expect(try RuntimeRules.check(runtime: "python3.13", for: .create, today: "2026-12-01", option: "--runtime").isEmpty)
        let warnings = try RuntimeRules.check(runtime: "python3.99", for: .create, today: "2026-12-01", option: "x.yml:3: function.runtime")
        #expect(warnings.count == 1)
        #expect(warnings[0].hasPrefix("x.yml:3: function.runtime python3.99 is not in lambdactl's runtime table (AWS's list of \(RuntimeCatalog.asOf))"))
        #expect(warnings[0].contains("python3.13") && !warnings[0].contains("python2.7"))
    }

    @Test("a handler without FILE.FUNCTION is refused for Node.js, Python and Ruby, not for Java or provided", arguments: [
        ("python3.12", "index", false), ("python3.12", "app.handler", true), ("python3.12", ".handler", false),
        ("python3.12", "app.", false), ("nodejs22.x", "index", false), ("nodejs22.x", "src/index.handler", true),
        ("ruby3.3", "lambda_function.LambdaFunction::Handler.process", true), ("ruby3.3", "handler", false),
        ("python3.99", "index", false), ("java21", "example.Handler::handleRequest", true), ("java21", "Handler", true),
        ("provided.al2023", "bootstrap", true), ("dotnet8", "MyAssembly", true), ("python3.12", "app handler.x", false),
    ])
    func handlerShape(runtime: String, handler: String, accepted: Bool) {
        let refused: String?
        do {
            try RuntimeRules.checkHandler(handler, runtime: runtime, option: "--handler")
            refused = nil
        } catch {
            refused = String(describing: error)
        }
        #expect((refused == nil) == accepted, "\(runtime) \(handler): \(refused ?? "accepted")")
        if let refused { #expect(refused.hasPrefix("--handler \(handler) cannot work for \(runtime): it must be FILE.FUNCTION")) }
    }

    @Test("rows checked against AWS's runtime pages keep their three dates", arguments: [
        ("python3.14", "2029-06-30", "2029-07-31", "2029-08-31"),
        ("python3.11", "2027-06-30", "2027-07-31", "2027-08-31"),
        ("python3.10", "2026-10-31", "2026-11-30", "2027-01-15"),
        ("nodejs20.x", "2026-04-30", "2026-08-31", "2026-09-30"),
        ("java17", "2027-06-30", "2027-07-31", "2027-08-31"),
        ("dotnet10", "2028-11-14", "2028-12-14", "2029-01-15"),
    ])
    func verifiedRows(runtime: String, deprecation: String, blockCreate: String, blockUpdate: String) throws {
        let info = try #require(RuntimeCatalog.info(runtime))
        #expect(info.deprecation == deprecation)
        #expect(info.blockCreate == blockCreate)
        #expect(info.blockUpdate == blockUpdate)
    }

    @Test("the table is well-formed: unique names, ISO dates in order, a successor for every family")
    func tableIsWellFormed() {
        let names = RuntimeCatalog.runtimes.map(\.identifier)
        #expect(Set(names).count == names.count)
        for info in RuntimeCatalog.runtimes {
            for date in [info.deprecation, info.blockCreate, info.blockUpdate].compactMap({ $0 }) {
                #expect(date.count == 10 && date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(info.identifier) \(date)")
            }
            if let deprecation = info.deprecation, let create = info.blockCreate, let update = info.blockUpdate {
                #expect(deprecation <= create && create <= update, "\(info.identifier)")
            }
        }
        for family in RuntimeFamily.allCases {
            #expect(RuntimeCatalog.successor(for: family, today: "2026-12-01") != nil, "\(family)")
        }
        #expect(RuntimeRules.day(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14")
    }
}

@Suite("Runtime checks run before any AWS call")
struct RuntimeChecksBeforeCallsTests {
    @Test("create-function with a blocked runtime or an impossible handler sends nothing")
    func createRefusedLocally() async throws {
        let zip = try temporaryZip()
        for (runtime, handler) in [("python2.7", "app.handler"), ("python3.12", "index")] {
            let harness = Harness()
            await #expect(throws: LifecycleError.self) {
                _ = try await FunctionCreator(services: harness.services())
                    .run(.init(name: "f", codePath: zip.path, runtime: runtime, handler: handler, role: "arn:aws:iam::1:role/r"))
            }
            #expect(harness.transport.sent.isEmpty)
        }
    }

    @Test("create-function with a deprecated runtime warns and goes on")
    func createWarns() async throws {
        let zip = try temporaryZip()
        let harness = Harness()
        harness.transport.on("POST /2015-03-31/functions", json(201, configuration()))
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        _ = try await FunctionCreator(services: harness.services())
            .run(.init(name: "f", codePath: zip.path, runtime: "python3.99", handler: "app.handler", role: "arn:aws:iam::1:role/r"))
        #expect(harness.warnings.lines.count == 1)
        #expect(harness.warnings.lines.first?.hasPrefix("--runtime python3.99 is not in lambdactl's runtime table") == true)
    }

    @Test("update-config --runtime with a runtime blocked for updates sends nothing; --handler alone is checked against the current runtime")
    func updateConfigRefusedLocally() async throws {
        let harness = Harness()
        await #expect(throws: LifecycleError.self) {
            _ = try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration(runtime: "nodejs12.x"))
        }
        #expect(harness.transport.sent.isEmpty)
        harness.transport.on("GET /2015-03-31/functions/f/configuration", json(200, configuration()))
        await #expect(throws: LifecycleError.self) {
            _ = try await ConfigUpdater(services: harness.services()).run("f", desired: DesiredConfiguration(handler: "index"))
        }
        #expect(!harness.transport.routes.contains { $0.hasPrefix("PUT") })
    }

    @Test("deploy names the config line of a blocked runtime and of an impossible handler")
    func deployNamesTheLine() throws {
        let text = "function:\n  name: f\n  runtime: python2.7\n  handler: index\n  code: c.zip\n"
        let config = try DeployConfigParser(path: "d.yml", environment: [:]).parse(text)
        #expect(throws: DeployConfigError(
            "d.yml:3: function.runtime python2.7 is deprecated (since 2021-07-15) and Lambda has refused updating functions with it since 2022-05-30; use python3.14 instead"
        )) { _ = try DeployValidation.checkRuntime(config, file: "d.yml", for: .update, today: "2026-12-01") }
        let handler = try DeployConfigParser(path: "d.yml", environment: [:], overrides: ConfigOverrides(option: "--set", ["function.runtime=python3.13"])).parse(text)
        #expect(throws: DeployConfigError(
            "d.yml:4: function.handler index cannot work for python3.13: it must be FILE.FUNCTION, e.g. app.handler for a function handler in app.py"
        )) { _ = try DeployValidation.checkRuntime(handler, file: "d.yml", for: .create, today: "2026-12-01") }
        let warned = try DeployConfigParser(path: "d.yml", environment: [:], overrides: ConfigOverrides(option: "--set", ["function.runtime=python3.9", "function.handler=a.b"])).parse(text)
        let warnings = try DeployValidation.checkRuntime(warned, file: "d.yml", for: .update, today: "2026-01-01")
        #expect(warnings.first?.hasPrefix("--set function.runtime=python3.9: function.runtime python3.9 is deprecated since 2025-12-15") == true)
    }
}

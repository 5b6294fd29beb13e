import Foundation
import Testing
@testable import Deployment

@Suite("init: starter for a runtime")
struct InitStarterTests {
    @Test("each family's starter parses as a deploy file whose handler fits the runtime", arguments: ["python3.13", "nodejs22.x", "ruby3.4", "provided.al2023"])
    func starter(runtime: String) throws {
        let files = try StarterTemplate.files(runtime: runtime, name: "hello", configPath: "lambdactl.yml", header: ["header"], today: "2026-12-03")
        #expect(files[0].path == "lambdactl.yml" && files[0].contents.hasPrefix("# header\n"))
        let config = try DeployConfigParser(path: "/p/lambdactl.yml", environment: [:]).parse(files[0].contents)
        #expect(config.function.name == "hello" && config.function.runtime == runtime && config.function.code == "/p/src")
        try RuntimeRules.checkHandler(config.function.handler, runtime: runtime, option: "handler")
        #expect(files.count == 2 && files[1].path.hasPrefix("src/"))
        if runtime.hasPrefix("provided") { #expect(files[1].path == "src/bootstrap" && files[1].executable) }
    }

    @Test("an unknown runtime, or one Lambda no longer accepts, is refused with the list of runtimes that have a starter")
    func unknown() {
        for runtime in ["cobol1", "python2.7", "java21"] {
            do {
                _ = try StarterTemplate.files(runtime: runtime, name: "x", configPath: "l.yml", header: [], today: "2026-12-03")
                Issue.record("\(runtime) was accepted")
            } catch let error as InitError {
                #expect(error.category == .usage)
                #expect(error.message.hasPrefix("no starter for runtime \(runtime); one of: "))
                let list = error.message.components(separatedBy: "one of: ").last ?? ""
                #expect(list.contains("python3.13") && list.contains("provided.al2023") && !list.contains("python2.7"))
            } catch { Issue.record("\(error)") }
        }
    }
}

import ArgumentParser
import Deployment
import Foundation

/// `lambdactl init`: a deploy file to start from — a starter for a runtime, the description of
/// functions already deployed, or a SAM template converted.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a deploy file: a starter for a runtime, one that describes deployed functions, or a SAM template converted.",
        discussion: """
            --runtime R writes a commented lambdactl.yml and a hello function in src/ for that runtime. \
            --from-function NAME... reads deployed functions (read-only calls) and writes the file that \
            describes them as they are: one function gives the single-function form, several need --app \
            and give the app form. Environment values go to lambdactl.env (lambdactl.NAME.env in the app \
            form), never into the YAML; keep those files out of version control. code: is a placeholder \
            to fill in, or with --download-code DIR the deployed package unpacked into DIR/NAME. \
            --from-sam template.yaml converts Globals.Function, every AWS::Serverless::Function (settings, \
            policies and SAM's common policy templates, events as triggers and HTTP API routes, \
            DeploymentPreference as a rollout), AWS::Serverless::LayerVersion and Parameters (as \
            ${NAME:-default}); what it cannot express is listed with its template line, on stderr and \
            as comments in the file, and then it exits 13. \
            Existing files are not overwritten without --force. See docs/init.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Write a starter for this runtime (python3.13, nodejs22.x, ruby3.4, provided.al2023, …).")
    var runtime: String?

    @Option(
        name: .customLong("from-function"), parsing: .upToNextOption,
        help: ArgumentHelp("Describe these deployed functions (names or ARNs; repeatable).", valueName: "name"))
    var fromFunction: [String] = []

    @Option(name: .customLong("from-sam"), help: ArgumentHelp("Convert this SAM template.", valueName: "template.yaml"))
    var fromSam: String?

    @Option(help: "The app's name: the app form, needed for several functions.")
    var app: String?

    @Option(name: .customLong("download-code"), help: ArgumentHelp("Download each function's package and unpack it into DIR/NAME.", valueName: "dir"))
    var downloadCode: String?

    @Option(help: "The starter function's name (default: the directory's name).")
    var name: String?

    @Option(name: [.customShort("o"), .customLong("output-file")], help: "The deploy file to write.")
    var outputFile: String = "lambdactl.yml"

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func validate() throws {
        let sources = [runtime != nil, !fromFunction.isEmpty, fromSam != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError(
                sources == 0
                    ? "init needs a source: --runtime R for a starter (e.g. --runtime python3.13), --from-function NAME or --from-sam template.yaml"
                    : "give one source: --runtime, --from-function or --from-sam, not more")
        }
        if outputFile.isEmpty { throw ValidationError("-o needs a file name, e.g. -o lambdactl.yml") }
        if fromSam != nil {
            if app != nil || downloadCode != nil || name != nil {
                throw ValidationError("--app, --download-code and --name go with --from-function or --runtime; for a SAM template give --from-sam only")
            }
        } else if runtime != nil {
            if app != nil || downloadCode != nil {
                throw ValidationError("--app and --download-code go with --from-function; for a starter give --runtime only")
            }
        } else {
            if fromFunction.count > 1, app == nil {
                throw ValidationError(
                    "\(fromFunction.count) functions make an app file: add --app NAME (e.g. --app \(Self.suggestedApp)), or give one function")
            }
            if name != nil { throw ValidationError("--name names a starter's function; with --from-function the names are the functions'") }
        }
        if let name, name.isEmpty || name.count > 64 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--name takes a function name: 1–64 letters, digits, - or _, e.g. --name hello")
        }
        if let app, !app.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) || app.isEmpty || app.count > 64 {
            throw ValidationError("--app takes letters, digits, - or _ (up to 64), e.g. --app shop")
        }
        let bare = fromFunction.map(Self.bareName)
        if let twice = bare.indices.first(where: { bare[..<$0].contains(bare[$0]) }) {
            throw ValidationError("--from-function names \(bare[twice]) twice; give each function once")
        }
        if fromFunction.contains(where: \.isEmpty) { throw ValidationError("--from-function takes a function name or ARN, e.g. --from-function hello") }
        if let downloadCode, !force {
            for function in fromFunction {
                let target = URL(fileURLWithPath: downloadCode).appendingPathComponent(Self.bareName(function)).path
                if LocalFileWriting().isTaken(target) {
                    throw ValidationError("\(target) is not empty; init does not unpack over it: add --force, or give another --download-code DIR")
                }
            }
        }
        if !force, FileManager.default.fileExists(atPath: outputFile) {
            throw ValidationError("\(outputFile) already exists; init does not overwrite it: add --force, or write elsewhere with -o FILE")
        }
    }

    /// The name part of a function name or ARN.
    static func bareName(_ nameOrARN: String) -> String {
        FunctionARN(nameOrARN)?.name ?? nameOrARN
    }

    /// The current directory's name, as an app name.
    static var suggestedApp: String {
        let name = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent
        let cleaned = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return cleaned.isEmpty ? "myapp" : String(cleaned.prefix(64))
    }

    func run() async throws {
        if global.output == .ndjson { throw OutputFormat.ndjsonRefusal }
        let configPath = URL(fileURLWithPath: outputFile).standardizedFileURL.path
        let output = Output(format: global.output)
        if let fromSam { return try convertSAM(fromSam) }
        let result: InitResult
        if let runtime {
            result = try starter(runtime: runtime, configPath: configPath)
        } else {
            result = try await fromFunctions(configPath: configPath)
        }
        try output.emit(result) { InitText.describe(result, outputFile: outputFile, adopt: result.adopt) }
    }

    /// `--from-sam`: convert, write, report; exit 13 when something needs a hand.
    func convertSAM(_ template: String) throws {
        let header = [
            "Converted from \(template) by lambdactl init --from-sam; deploy with: lambdactl deploy -f \(outputFile)", "",
        ]
        let result = try SAMInit(files: AppEnvironment.fileSystem).run(template: template, output: outputFile, header: header)
        let console = global.noColor ? Console(useColor: false) : Console.standardError
        let conversion = result.conversion
        for note in conversion.notes {
            let line = note.text(file: template)
            console.info(line)
        }
        let report = InitReport(
            output: result.written, form: conversion.isApp ? "app" : "function", functions: conversion.functions,
            layers: conversion.layers,
            notes: conversion.notes.map { InitReport.Note(kind: $0.kind == .needsHand ? "needsHand" : "note", line: $0.line, message: $0.message) })
        try Output(format: global.output).emit(report) { InitReport.text(report, template: template) }
        if conversion.needsHand { LambdaCtl.exit(ExitStatus.needsHand) }
    }

    /// `--runtime R`: the starter, written without any AWS call.
    func starter(runtime: String, configPath: String) throws -> InitResult {
        let directory = URL(fileURLWithPath: configPath).deletingLastPathComponent().path
        let function = name ?? Self.suggestedApp
        let files = try StarterTemplate.files(
            runtime: runtime, name: function, configPath: configPath,
            header: ["A starter deploy file from lambdactl init: deploy it with lambdactl deploy" + (outputFile == "lambdactl.yml" ? "" : " -f \(outputFile)")],
            today: RuntimeRules.day(Date()))
        let writer = InitWriter(directory: directory, overwrite: force, files: LocalFileWriting())
        if let taken = writer.existing(files.map(\.path)) {
            throw ValidationError("\(writer.path(taken)) already exists; init does not overwrite it: add --force, or start in another directory")
        }
        try writer.write(files)
        var notes: [String] = []
        if runtime.hasPrefix("provided") {
            notes.append("src/bootstrap is a placeholder: build your program as a Linux binary named bootstrap and put it in src/")
        }
        return InitResult(files: files.map { writer.path($0.path) }, functions: [function], notes: notes)
    }

    /// `--from-function NAME...`: reads, downloads when asked, writes.
    func fromFunctions(configPath: String) async throws -> InitResult {
        let app = try AppEnvironment.make(global)
        let download = downloadCode.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let request = InitFromFunctions.Request(
            functions: fromFunction, app: self.app, configPath: configPath, downloadDirectory: download, overwrite: force)
        do {
            return try await app.initFromFunctions(download: download != nil).run(request) { app.console.info($0) }
        } catch let error as InitError where error.existing != nil {
            throw InitError(.usage, "\(error.existing ?? "") already exists; init does not overwrite it: add --force, or move it away")
        }
    }
}

/// `init`'s text output: what was written, the notes, and what to do next.
enum InitText {
    /// `adopt`: an app file of functions made elsewhere, whose first deploy tags them for the app.
    static func describe(_ result: InitResult, outputFile: String, adopt: Bool) -> String {
        var lines = result.files.map { "wrote \($0)" }
        lines += result.notes.map { "note: \($0)" }
        let file = outputFile == "lambdactl.yml" ? "" : " -f \(outputFile)"
        let options = adopt ? " --adopt" : ""
        lines.append("next: lambdactl deploy\(file)\(options) --dry-run, then lambdactl deploy\(file)\(options)")
        return lines.joined(separator: "\n")
    }
}

/// What `init` prints on stdout.
struct InitReport: Encodable {
    /// One note about the template.
    struct Note: Encodable {
        var kind: String
        var line: Int?
        var message: String
    }

    var output: String?
    var form: String
    var functions: [String]
    var layers: [String]
    var notes: [Note]

    /// The text form: what was written and how many notes need a hand.
    static func text(_ report: InitReport, template: String) -> String {
        let hands = report.notes.filter { $0.kind == "needsHand" }.count
        let counts = "\(report.notes.count - hands) note(s), \(hands) thing(s) that need a hand"
        guard let output = report.output else {
            return "\(template): nothing written: no function could be converted (\(counts), listed above)"
        }
        let layers = report.layers.isEmpty ? "" : "; layer(s) \(report.layers.joined(separator: ", "))"
        let what = report.form == "app" ? "app with function(s)" : "function"
        var text = "wrote \(output): \(what) \(report.functions.joined(separator: ", "))\(layers); \(counts)"
        if hands > 0 { text += "\n\(output): deploy it once the items marked \"needs a hand\" (at the top of the file) are done" }
        return text
    }
}

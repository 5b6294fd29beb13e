import ArgumentParser
import Deployment
import Foundation

/// `lambdactl init`: writes a lambdactl.yml to start from (`--from-sam`: a SAM template converted).
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a lambdactl.yml to start from, e.g. converted from a SAM template.",
        discussion: """
            --from-sam template.yaml converts Globals.Function, every AWS::Serverless::Function (settings, \
            policies and SAM's common policy templates, events as triggers and HTTP API routes, \
            DeploymentPreference as a rollout), AWS::Serverless::LayerVersion and Parameters (as \
            ${NAME:-default}). What it cannot express is listed with its template line, on stderr and \
            as comments in the file; then it exits 13. An existing file is kept unless --force.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("from-sam"), help: ArgumentHelp("Convert this SAM template.", valueName: "template.yaml"))
    var fromSam: String?

    @Option(name: [.customShort("o"), .customLong("output-file")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var outputFile: String = "lambdactl.yml"

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func validate() throws {
        if global.output == .ndjson { throw OutputFormat.ndjsonRefusal }
        if outputFile.isEmpty { throw ValidationError("-o needs a file name, e.g. -o lambdactl.yml") }
        if fromSam == nil {
            throw ValidationError("Say where to start from, e.g. lambdactl init --from-sam template.yaml")
        }
        // Before anything is read or written: an existing file is kept.
        if FileManager.default.fileExists(atPath: outputFile), !force {
            throw ValidationError("\(outputFile) exists; pass --force to overwrite it, or -o another file")
        }
    }

    func run() async throws {
        if let fromSam { try convertSAM(fromSam) }
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

import Foundation

/// `init` from deployed functions: reads each one (read-only calls), optionally downloads and
/// unpacks its package, and writes the deploy file that describes them as they are, with the
/// environment in env files. Every file is checked before the first write; nothing is written
/// when a read fails.
package struct InitFromFunctions: Sendable {
    /// The reads.
    package var describer: FunctionDescriber
    /// The package download, when asked for.
    package var downloader: CodeDownloader?
    /// The deploy's packager, to tell whether an unpacked package zips back to the deployed bytes.
    package var packager: (any CodePackager)?
    /// The file writes.
    package var files: any FileWriting

    /// Creates the use case.
    package init(
        describer: FunctionDescriber, downloader: CodeDownloader?, packager: (any CodePackager)? = nil, files: any FileWriting
    ) {
        self.describer = describer
        self.downloader = downloader
        self.packager = packager
        self.files = files
    }

    /// What to write.
    package struct Request: Sendable {
        /// The functions' names or ARNs.
        package var functions: [String]
        /// The app's name (required for several functions).
        package var app: String?
        /// The config file's path (absolute).
        package var configPath: String
        /// Where packages are unpacked (`DIR/NAME`), absolute; nil: `code:` is a placeholder.
        package var downloadDirectory: String?
        /// Replace files that exist.
        package var overwrite: Bool

        /// Creates a request.
        package init(functions: [String], app: String?, configPath: String, downloadDirectory: String?, overwrite: Bool) {
            self.functions = functions
            self.app = app
            self.configPath = configPath
            self.downloadDirectory = downloadDirectory
            self.overwrite = overwrite
        }

        /// The config file's directory.
        var directory: String { URL(fileURLWithPath: configPath).deletingLastPathComponent().path }
    }

    /// Reads, downloads when asked, and writes. `progress` hears each step (stderr).
    package func run(_ request: Request, progress: @Sendable (String) -> Void = { _ in }) async throws -> InitResult {
        var deployed: [DeployedFunction] = []
        for name in request.functions {
            progress("reading \(name)…")
            deployed.append(try await describer.describe(name, warn: progress))
        }
        let names = deployed.map(\.name)
        if let duplicate = names.indices.first(where: { names[..<$0].contains(names[$0]) }) {
            throw InitError(.usage, "function \(names[duplicate]) is named twice; name each function once")
        }
        var codePaths: [String: String] = [:]
        var placeholders = Set<String>()
        for (name, function) in zip(names, deployed) {
            if let directory = request.downloadDirectory, function.configuration.packageType != "Image" {
                codePaths[name] = Self.relative(URL(fileURLWithPath: directory).appendingPathComponent(name).path, to: request.directory)
            } else {
                codePaths[name] = "./src/\(name)"
                placeholders.insert(name)
            }
        }
        let configName = URL(fileURLWithPath: request.configPath).lastPathComponent
        let rendered = InitConfigText(app: request.app, codePaths: codePaths, placeholders: placeholders, configName: configName)
            .render(deployed)
        let writer = InitWriter(directory: request.directory, overwrite: request.overwrite, files: files)
        var files = [InitFile(path: request.configPath, contents: rendered.config)] + rendered.envFiles
        if let taken = writer.existing(files.map(\.path)) { throw InitError.exists(writer.path(taken)) }
        var notes = rendered.notes
        if let directory = request.downloadDirectory, let downloader {
            notes += try await download(deployed, into: directory, with: downloader, overwrite: request.overwrite, codePaths: codePaths, progress: progress)
        }
        let found = notes.dropFirst(rendered.notes.count)
        if !found.isEmpty {
            let header = rendered.notes.isEmpty ? "\n# Notes from init (what this file does not say):\n" : ""
            files[0].contents += header + found.map { "# - \($0)\n" }.joined()
        }
        try writer.write(files)
        if !rendered.envFiles.isEmpty {
            notes.append("environment values are in \(rendered.envFiles.map(\.path).joined(separator: ", ")), not in the YAML: keep them out of version control")
        }
        let adopt = request.app.map { app in deployed.contains { $0.tags[AppOwnership.appTag] != app } } ?? false
        return InitResult(files: files.map { writer.path($0.path) }, functions: names, notes: notes, adopt: adopt)
    }

    /// Downloads and unpacks each zip function's package into `directory/NAME` (every target
    /// checked first); returns notes for packages that will not zip back to the deployed bytes.
    func download(
        _ deployed: [DeployedFunction], into directory: String, with downloader: CodeDownloader, overwrite: Bool,
        codePaths: [String: String], progress: @Sendable (String) -> Void
    ) async throws -> [String] {
        let zipped = deployed.filter { $0.configuration.packageType != "Image" }
        let targets = zipped.map { URL(fileURLWithPath: directory).appendingPathComponent($0.name).path }
        if !overwrite, let taken = targets.first(where: files.isTaken) { throw InitError.exists(taken) }
        var notes: [String] = []
        for (function, target) in zip(zipped, targets) {
            progress("downloading the package of \(function.name)…")
            let count = try await downloader.download(function: function.name, location: function.codeLocation, into: target)
            progress("\(function.name): \(count) file(s) unpacked into \(target)")
            if let packager, let deployedSHA = function.configuration.codeSHA256,
                let repacked = try? await packager.package(directory: target, kind: .function, includes: []),
                repacked.codeSHA256 != deployedSHA
            {
                notes.append("\(function.name)'s package was not zipped as a deploy zips \(codePaths[function.name] ?? target) (another tool made it): the first deploy uploads the same code once (new CodeSha256)")
            }
        }
        return notes
    }

    /// `path` relative to `directory` (`./build/x`, `../code/x`).
    static func relative(_ path: String, to directory: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let full = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, full.count), base[common] == full[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(full[common...])
        if ups.isEmpty { return "./" + rest.joined(separator: "/") }
        return (ups + rest).joined(separator: "/")
    }
}

import AWSCore
import Foundation

/// `init` from a SAM template, with its file I/O: reads the template, converts it
/// (`SAMConverter`, pure) and writes the deploy file. The caller checks first that the output
/// may be written (it words the refusal).
package struct SAMInit {
    /// Reads the template.
    package var files: any FileSystemView

    /// Creates the use case.
    package init(files: any FileSystemView) { self.files = files }

    /// What a run did.
    package struct Result: Sendable {
        /// The conversion (its YAML, notes, function and layer names).
        package var conversion: SAMConversion
        /// The file written; nil when no function could be converted (nothing was written).
        package var written: String?
    }

    /// Converts `template` and writes the result to `output`; `header` opens the file as comments.
    package func run(template: String, output: String, header: [String]) throws -> Result {
        let text = try read(template)
        let templateURL = URL(fileURLWithPath: template).standardizedFileURL
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        var converter = try SAMConverter(
            text: text, file: template,
            pathPrefix: Self.relativePath(from: outputURL.deletingLastPathComponent(), to: templateURL.deletingLastPathComponent()),
            appName: Self.appName(templateURL.deletingLastPathComponent().lastPathComponent), header: header)
        let conversion = try converter.convert()
        guard !conversion.functions.isEmpty else { return Result(conversion: conversion, written: nil) }
        let directory = outputURL.deletingLastPathComponent()
        guard files.kind(at: directory.path) == .directory else {
            throw SAMTemplateError("cannot write \(output): directory \(directory.path) does not exist; create it first", category: .localInput)
        }
        do {
            try Data(conversion.yaml.utf8).write(to: outputURL)
        } catch {
            throw SAMTemplateError("cannot write \(output): \(error.localizedDescription)", category: .localInput)
        }
        return Result(conversion: conversion, written: output)
    }

    /// The template's text.
    func read(_ path: String) throws -> String {
        guard let kind = files.kind(at: path) else {
            throw SAMTemplateError("\(path) not found; give the SAM template's path (template.yaml)", category: .localInput)
        }
        guard kind != .directory else {
            throw SAMTemplateError("\(path) is a directory; give the template file in it (\(path)/template.yaml)", category: .localInput)
        }
        guard let data = files.contents(at: path) else {
            throw SAMTemplateError("cannot read \(path); check its permissions", category: .localInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SAMTemplateError("\(path) is not UTF-8 text; save it as UTF-8", category: .usage)
        }
        return text
    }

    /// The way from directory `from` to directory `to` (`..`, `sub/dir`); empty when they are the same.
    static func relativePath(from: URL, to: URL) -> String {
        let a = from.standardizedFileURL.pathComponents
        let b = to.standardizedFileURL.pathComponents
        let common = zip(a, b).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: a.count - common) + b.dropFirst(common)).joined(separator: "/")
    }

    /// An app name from a directory name: letters, digits, - and _ (others become -); `app` when none is left.
    static func appName(_ directory: String) -> String {
        let cleaned = String(directory.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" || $0 == "_" ? $0 : "-" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return cleaned.isEmpty || cleaned == "/" ? "app" : String(cleaned.prefix(64))
    }
}

import Foundation
import Yams

/// Converts a SAM template to a lambdactl deploy file (pure: text in, text and notes out).
/// One function gives the single-function form, several the app form. Every construct it
/// cannot express is a note of kind `.needsHand` naming its template line and what to do instead.
package struct SAMConverter {
    /// The template's file name, for the notes' locations.
    package var file: String
    /// Prepended to the template's relative code paths (the way from the written file's
    /// directory to the template's; empty when they are the same).
    package var pathPrefix: String
    /// The app's name in the app form.
    package var appName: String
    /// The first comment lines of the written file (how it was made).
    package var header: [String]

    /// The template being converted.
    var template: SAMTemplate
    /// Resolves its references.
    var resolver: SAMValueResolver
    /// The notes so far.
    var notes: [SAMNote] = []
    /// The template's alarms converted to `alarms:` entries: logical id → the name the deploy gives them.
    var alarmNames: [String: String] = [:]

    /// Parses `text`; a one-line error naming `file:line` when it is not a SAM template.
    package init(text: String, file: String, pathPrefix: String = "", appName: String = "app", header: [String] = []) throws {
        self.file = file
        self.pathPrefix = pathPrefix
        self.appName = appName
        self.header = header
        template = try SAMTemplate(text: text, file: file)
        resolver = SAMValueResolver(template: template)
    }

    /// Converts the template.
    package mutating func convert() throws -> SAMConversion {
        let functionResources = template.resources(of: "AWS::Serverless::Function")
        guard !functionResources.isEmpty else {
            throw SAMTemplateError("\(file): no AWS::Serverless::Function to convert (only functions, their layers, triggers and routes are converted)")
        }
        checkTopLevel()
        let isApp = functionResources.count > 1
        let layers = template.resources(of: "AWS::Serverless::LayerVersion").compactMap { layer($0) }
        let alarms = template.resources(of: "AWS::CloudWatch::Alarm").compactMap { lambdaAlarm($0) }
        alarmNames = Dictionary(uniqueKeysWithValues: alarms.map { alarm in
            let name = template.resource(alarm.function).map { resolver.name(of: $0) } ?? alarm.function
            return (alarm.id, deployedName(alarm, functionName: name, isApp: isApp))
        })
        var functions: [ConvertedFunction] = []
        for resource in template.resources {
            switch resource.type {
            case "AWS::Serverless::Function":
                guard var converted = function(resource, isApp: isApp) else { continue }
                let own = alarms.filter { $0.function == resource.id }
                if !own.isEmpty { converted.settings.set("alarms", .list(own.map { .map($0.entry) })) }
                functions.append(converted)
            case "AWS::Serverless::LayerVersion":
                break
            case "AWS::CloudWatch::Alarm" where alarmNames[resource.id] != nil:
                note(line: resource.line, "alarm \(resource.id) becomes an entry of its function's alarms: (the deploy names it \(alarmNames[resource.id] ?? ""))")
            default:
                otherResource(resource)
            }
        }
        guard !functions.isEmpty else {
            return SAMConversion(yaml: "", notes: sortedNotes, functions: [], layers: [], isApp: isApp)
        }
        let body = isApp ? appFile(functions, layers: layers) : singleFile(functions[0], layers: layers)
        var yaml = try Yams.serialize(node: SAMOutput.map(body).node, width: -1)
        if yaml.contains("${AWS_ACCOUNT_ID}") || yaml.contains("${AWS_REGION}") {
            notes.append(
                SAMNote(
                    .note, line: nil,
                    "ARNs of the template's resources are written with ${AWS_REGION} and ${AWS_ACCOUNT_ID}: "
                        + "export both (the account and region you deploy to) before deploying"))
        }
        notes.append(
            SAMNote(
                .note, line: nil,
                "code: directories are zipped as they are; sam build also installed dependencies "
                    + "(requirements.txt, package.json) or compiled the code: do that into the directory first"))
        yaml = commentHeader() + yaml + (yaml.hasSuffix("\n") ? "" : "\n")
        return SAMConversion(
            yaml: yaml, notes: sortedNotes, functions: functions.map(\.name), layers: layers.map(\.name), isApp: isApp)
    }

    /// The notes by line (those without a line last).
    var sortedNotes: [SAMNote] {
        notes.enumerated().sorted { a, b in
            switch (a.element.line, b.element.line) {
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map { $0.element }
    }

    /// The comments the written file starts with: the header, then every note.
    func commentHeader() -> String {
        var lines = header
        let hands = sortedNotes.filter { $0.kind == .needsHand }
        let others = sortedNotes.filter { $0.kind == .note }
        if !hands.isEmpty {
            lines.append("Needs a hand (not converted; do what each says):")
            lines += hands.map { "  " + $0.text(file: file) }
        }
        if !others.isEmpty {
            lines.append("Notes:")
            lines += others.map { "  " + $0.text(file: file) }
        }
        guard !lines.isEmpty else { return "" }
        return lines.map { $0.isEmpty ? "#" : "# \($0)" }.joined(separator: "\n") + "\n"
    }

    // MARK: Notes

    /// Records something that needs a hand, at `node`'s line.
    mutating func hand(_ node: Node?, _ message: String) {
        notes.append(SAMNote(.needsHand, line: SAMTemplate.line(node), message))
    }

    /// Records something that needs a hand, at `line`.
    mutating func hand(line: Int?, _ message: String) {
        notes.append(SAMNote(.needsHand, line: line, message))
    }

    /// Records a note, at `node`'s line.
    mutating func note(_ node: Node?, _ message: String) {
        notes.append(SAMNote(.note, line: SAMTemplate.line(node), message))
    }

    /// Records a note, at `line`.
    mutating func note(line: Int?, _ message: String) {
        notes.append(SAMNote(.note, line: line, message))
    }

    // MARK: Values

    /// `node` as text for `purpose`; a failure is a note naming `what`, and nil.
    mutating func text(_ node: Node, _ purpose: SAMPurpose, _ what: String) -> String? {
        switch resolver.resolve(node, purpose) {
        case .text(let text): return text
        case .failure(let why):
            hand(node, "\(what): \(why)")
            return nil
        }
    }

    /// A number (plain), or a parameter reference as text.
    mutating func number(_ node: Node, _ what: String) -> SAMOutput? {
        if SAMTemplate.shortTag(node) == nil, let scalar = node.scalar, Int(scalar.string) != nil { return .plain(scalar.string) }
        return text(node, .value, what).map(SAMOutput.text)
    }

    /// `true`/`false`.
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if let value = node.bool, SAMTemplate.shortTag(node) == nil { return value }
        hand(node, "\(what) should be true or false here; a parameter or condition cannot give it")
        return nil
    }

    /// A list of values: a YAML list, one value, or a list-typed parameter (its default's items).
    mutating func list(_ node: Node, _ purpose: SAMPurpose, _ what: String) -> [String]? {
        if let items = node.sequence, SAMTemplate.shortTag(node) == nil {
            let texts = items.compactMap { text($0, purpose, what) }
            return texts.count == items.count ? texts : nil
        }
        if let (function, argument) = SAMTemplate.intrinsic(node), function == "Ref", let id = argument.string,
            let parameter = template.parameters[id], parameter.isList
        {
            guard let fallback = parameter.defaultText else {
                hand(node, "\(what): list parameter \(id) has no default; write the list itself")
                return nil
            }
            note(node, "\(what): list parameter \(id) written as its default's items (a ${…} reference cannot give a list)")
            return fallback.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return text(node, purpose, what).map { [$0] }
    }

    /// A mapping of text values (environment, tags), each resolved.
    mutating func textMap(_ node: Node, _ what: String) -> SAMOutput? {
        guard let mapping = node.mapping, SAMTemplate.shortTag(node) == nil else {
            hand(node, "\(what) should be a mapping of names to values")
            return nil
        }
        var map = SAMOutputMap()
        for (key, value) in mapping {
            let name = key.string ?? ""
            if let resolved = text(value, .value, "\(what) \(name)") { map.set(name, .text(resolved)) }
        }
        return .map(map)
    }

    /// A local path of the template as a path of the written file; nil (with a note) for S3 and other forms.
    mutating func localPath(_ node: Node, _ what: String, leftOut: String) -> String? {
        guard SAMTemplate.shortTag(node) == nil, let path = node.scalar?.string else {
            hand(node, "\(what) is not a local path (S3 Bucket/Key or a reference): \(leftOut); "
                + "package the code locally and point code: at it")
            return nil
        }
        if path.hasPrefix("s3://") {
            hand(node, "\(what) \(path) is in S3: \(leftOut); download it (or its sources) and point code: at the local directory or .zip")
            return nil
        }
        if path.hasPrefix("/") || pathPrefix.isEmpty { return path }
        return pathPrefix + "/" + path
    }
}

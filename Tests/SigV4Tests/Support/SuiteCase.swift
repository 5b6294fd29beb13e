import Foundation
import SigV4
import Testing

/// One vector of `/work/shared/sigv4-test-suite`, in either signing variant.
struct SuiteCase: Sendable, CustomTestStringConvertible {
    /// Header signing (`Authorization`) or query signing (presigned URL).
    enum Variant: String, Sendable { case header, query }

    /// Folder relative to the suite root, e.g. `aws-signing-test-suite/v4/get-vanilla`.
    let folder: String
    let variant: Variant
    /// Set when the suite folder is missing: the test fails with this message.
    let missing: String?

    var testDescription: String { missing == nil ? "\(folder) [\(variant.rawValue)]" : "suite missing" }

    /// The suite root: env `LAMBDACTL_SIGV4_SUITE`, else `<repo root>/../shared/sigv4-test-suite`.
    static var root: URL {
        if let path = ProcessInfo.processInfo.environment["LAMBDACTL_SIGV4_SUITE"] {
            return URL(fileURLWithPath: path)
        }
        let repoRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/sigv4-test-suite")
    }

    /// Every case folder of the classic suite (`.req` files) and of the newer format.
    static func all() -> [SuiteCase] {
        let manager = FileManager.default
        let root = root
        guard manager.fileExists(atPath: root.appendingPathComponent("README.md").path) else {
            return [SuiteCase(folder: "", variant: .header, missing: "SigV4 test suite not found at \(root.path); set LAMBDACTL_SIGV4_SUITE")]
        }
        var cases: [SuiteCase] = []
        let walker = manager.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let folder = (relative as NSString).deletingLastPathComponent
            if name.hasSuffix(".req") {
                cases.append(SuiteCase(folder: folder, variant: .header, missing: nil))
            } else if name == "request.txt" {
                for variant in [Variant.header, .query]
                where manager.fileExists(atPath: root.appendingPathComponent("\(folder)/\(variant.rawValue)-canonical-request.txt").path) {
                    // post-unsigned-payload's query variant is not normative (suite README).
                    if variant == .query && folder.hasSuffix("post-unsigned-payload") { continue }
                    cases.append(SuiteCase(folder: folder, variant: variant, missing: nil))
                }
            }
        }
        return cases.sorted { ($0.folder, $0.variant.rawValue) < ($1.folder, $1.variant.rawValue) }
    }

    /// Reads a file of this case, or nil.
    func read(_ file: String) -> String? {
        try? String(contentsOf: Self.root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
    }
}

/// A request file (`.req` / `request.txt`) parsed into signer inputs.
struct ParsedRequest {
    var method: String
    var wirePath: String
    var query: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// True when the request line's path held bytes that are not valid on the wire.
    var pathHadRawCharacters = false

    /// Parses the request line, headers (obs-fold continuation lines joined to the previous
    /// value) and body. Raw characters in the path (`/ሴ`, `/example space/`) are encoded once
    /// into a wire path; the raw query is split and percent-decoded (`+` stays a plus).
    init(_ text: String) {
        let bytes = Array(text.utf8)
        var headEnd = bytes.count
        var bodyStart = bytes.count
        for index in 0..<bytes.count where bytes[index] == 0x0A && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
            headEnd = index
            bodyStart = index + 2
            break
        }
        body = Array(bytes[bodyStart...])
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = lines[0]
        let firstSpace = requestLine.firstIndex(of: " ")!
        let lastSpace = requestLine.lastIndex(of: " ")!
        method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        let rawPath = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let rawQuery = target.contains("?") ? String(target[target.index(after: target.firstIndex(of: "?")!)...]) : ""
        var path = ""
        for byte in rawPath.utf8 {
            if byte <= 0x20 || byte >= 0x7F {
                path += String(format: "%%%02X", byte)
                pathHadRawCharacters = true
            } else {
                path.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        wirePath = path
        query = rawQuery.isEmpty
            ? []
            : rawQuery.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (URIEncoding.decode(String(parts[0])), parts.count > 1 ? URIEncoding.decode(String(parts[1])) : "")
            }
        headers = []
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            let colon = line.firstIndex(of: ":")!
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
    }

    /// Removes the headers named `name` (any case) and returns the last value.
    mutating func remove(_ name: String) -> String? {
        let value = headers.last { $0.name.lowercased() == name }?.value
        headers.removeAll { $0.name.lowercased() == name }
        return value
    }
}

import Foundation

/// Writes results to stdout as text or JSON; nothing else goes to stdout.
struct Output: Sendable {
    /// The chosen format.
    let format: OutputFormat

    /// Prints `value` as pretty, key-sorted JSON when the format is json, else prints `text()`.
    func emit<Value: Encodable>(_ value: Value, text: () -> String) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(value)
            line(String(decoding: data, as: UTF8.self))
        case .text:
            line(text())
        }
    }

    /// Prints one line on stdout.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

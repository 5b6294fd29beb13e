import Foundation
import Synchronization

/// Writes results to stdout as text or JSON; nothing else goes to stdout.
struct Output: Sendable {
    /// The chosen format.
    let format: OutputFormat

    /// Prints `value` as pretty, key-sorted JSON when the format is json, else prints `text()`.
    /// With ndjson, the value is the summary line: `{"event":"summary","report":…}` on one line.
    func emit<Value: Encodable>(_ value: Value, text: () -> String) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(value)
            line(String(decoding: data, as: UTF8.self))
        case .ndjson:
            line(try Self.compact(Summary(report: value)))
            Self.summaryWritten.withLock { $0 = true }
        case .text:
            line(text())
        }
    }

    /// The last line of an ndjson stream.
    struct Summary<Report: Encodable>: Encodable {
        var event = "summary"
        var report: Report
    }

    /// The last line of an ndjson stream that ended before a report: the error and exit code.
    struct FailureSummary: Encodable {
        var event = "summary"
        var error: String
        var exitCode: Int32
    }

    /// Whether this process printed its summary line (one command per process).
    static let summaryWritten = Mutex(false)

    /// Runs a streaming command's body; with ndjson, an error that ended it before its summary
    /// line still ends the stream with one (`{"event":"summary","error":…,"exitCode":N}`).
    func streaming(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            if format == .ndjson, !Self.summaryWritten.withLock({ $0 }) {
                line(try Self.compact(FailureSummary(error: ErrorText.oneLine(error), exitCode: ExitStatus.code(for: error))))
            }
            throw error
        }
    }

    /// One event line (ndjson only; nothing otherwise).
    func event<Value: Encodable>(_ value: Value) {
        guard format == .ndjson, let text = try? Self.compact(value) else { return }
        line(text)
    }

    /// `value` as one line of key-sorted JSON.
    static func compact<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Prints one line on stdout.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

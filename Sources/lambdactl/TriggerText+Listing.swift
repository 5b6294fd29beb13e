import Deployment

extension TriggerText {
    /// The widest a line gets.
    static let width = 100

    /// `triggers NAME`: a header naming the function, a table (kind, qualifier, source, id, and
    /// state and who made it when any line has them) no wider than ``width``, and each listing's details on the line
    /// below it; or one sentence when nothing invokes the function.
    static func describe(_ report: TriggersReport) -> String {
        let target = report.function + (report.qualifier.map { " (qualifier \($0))" } ?? "")
        guard !report.triggers.isEmpty else {
            return "\(target): nothing invokes it (no trigger, route, URL or permission)"
        }
        let count = report.triggers.count
        let made = report.triggers.filter(\.owned).count
        var lines = ["\(target): \(count) way\(count == 1 ? "" : "s") in, \(made) made by lambdactl"]
        // STATE and BY are left out when no line has one.
        let columns = [0, 1, 2, 3, 4, 5].filter { column in column < 4 || report.triggers.contains { row($0)[column] != "-" } }
        let rows = ([["KIND", "QUALIFIER", "SOURCE", "ID", "STATE", "BY"]] + report.triggers.map(row)).map { cells in
            columns.map { cells[$0] }
        }
        let widths = fittedWidths(rows)
        for (index, cells) in rows.enumerated() {
            lines.append(format(cells, widths: widths))
            guard index > 0 else { continue }
            // A source or id cut to fit is shown whole on the details line.
            let whole = [("source", 2), ("id", 3)].filter { cells[$0.1].count > widths[$0.1] }.map { "\($0.0)=\(cells[$0.1])" }
            lines += wrap(whole + details(report.triggers[index - 1]), indent: "    ")
        }
        return lines.joined(separator: "\n")
    }

    /// One listing's cells.
    static func row(_ listing: TriggerListing) -> [String] {
        [
            listing.kind, listing.qualifier ?? "$LATEST", shortened(listing.source), listing.id.map(shortened) ?? "-",
            listing.state ?? "-", listing.owned ? "lambdactl" : "-",
        ]
    }

    /// `key=value` words, sorted by key (a warning first).
    static func details(_ listing: TriggerListing) -> [String] {
        listing.details.sorted { ($0.key == "warning" ? 0 : 1, $0.key) < ($1.key == "warning" ? 0 : 1, $1.key) }
            .map { "\($0.key)=\($0.value)" }
    }

    /// An ARN's resource: `arn:aws:sqs:us-east-1:123456789012:orders` → `orders`,
    /// `…:rule/nightly` → `nightly`; anything else as is.
    static func shortened(_ text: String) -> String {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[5].isEmpty else { return text }
        var resource = String(parts[5])
        for prefix in ["stream/", "table/", "rule/", "function:", "schedule/"] where resource.hasPrefix(prefix) {
            resource.removeFirst(prefix.count)
        }
        return resource
    }

    /// Column widths from the cells, the source and id columns shrunk until a row fits ``width``.
    static func fittedWidths(_ rows: [[String]]) -> [Int] {
        var widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        while widths.reduce(0, +) + 2 * (widths.count - 1) > width, widths[2] > 12 || widths[3] > 12 {
            if widths[2] >= widths[3] { widths[2] -= 1 } else { widths[3] -= 1 }
        }
        return widths
    }

    /// One table line: cells padded to `widths`, a cell too long cut in the middle with `…`.
    static func format(_ cells: [String], widths: [Int]) -> String {
        let padded = zip(cells, widths).map { cell, width in
            let fitted = cell.count > width ? middleCut(cell, to: width) : cell
            return fitted + String(repeating: " ", count: width - fitted.count)
        }
        var line = padded.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// `text` cut to `width` characters, keeping its start and end around `…`.
    static func middleCut(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        let tail = (width - 1) / 2
        return String(text.prefix(width - 1 - tail)) + "…" + String(text.suffix(tail))
    }

    /// Words joined with two spaces into lines of at most ``width`` (a longer word cut in the
    /// middle, except a whole source: `--output json` has everything whole).
    static func wrap(_ words: [String], indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words.map({ $0.hasPrefix("source=") ? $0 : middleCut($0, to: width - indent.count) }) {
            if !line.isEmpty, indent.count + line.count + 2 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : "  ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}

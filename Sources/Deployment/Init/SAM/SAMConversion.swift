import AWSCore
import Foundation

/// One thing the conversion of a SAM template says about a line of it: a note (converted, with
/// something worth knowing) or a construct lambdactl cannot express (it needs a hand).
package struct SAMNote: Sendable, Equatable {
    /// How much it matters.
    package enum Kind: String, Sendable, Equatable {
        /// Converted; worth knowing (a REST API event became an HTTP API route, …).
        case note
        /// Not converted: the user has to do something (the message says what).
        case needsHand = "needs a hand"
    }

    /// How much it matters.
    package var kind: Kind
    /// The template line it is about (1-based); nil for the template as a whole.
    package var line: Int?
    /// What happened and what to do instead, naming no command-line flag.
    package var message: String

    /// Creates a note.
    package init(_ kind: Kind, line: Int?, _ message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: needs a hand: MESSAGE` (or `FILE: …` without a line).
    package func text(file: String) -> String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(kind.rawValue): \(message)"
    }
}

/// What converting a SAM template gives: the lambdactl.yml text and every note about it.
package struct SAMConversion: Sendable, Equatable {
    /// The YAML of the deploy file (single-function or app form), the notes as comments on top.
    package var yaml: String
    /// The notes, in template order.
    package var notes: [SAMNote]
    /// The names of the functions written, in template order.
    package var functions: [String]
    /// The names of the layers written.
    package var layers: [String]
    /// True when the file has `app:` at the top (more than one function).
    package var isApp: Bool

    /// True when something was not converted and the user has to act.
    package var needsHand: Bool { notes.contains { $0.kind == .needsHand } }
}

/// A template that cannot be converted at all (not YAML, not a SAM template, no function).
package struct SAMTemplateError: CategorizedError, CustomStringConvertible, Equatable {
    /// `.usage` for a template that is wrong, `.localInput` for one that cannot be read.
    package var category: ErrorCategory
    /// The one line: `template.yaml:3:5: not valid YAML: …`.
    package var message: String

    /// Creates an error.
    package init(_ message: String, category: ErrorCategory = .usage) {
        self.message = message
        self.category = category
    }

    package var description: String { message }
}

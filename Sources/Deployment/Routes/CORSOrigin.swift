import Foundation

/// Checks a CORS allow-origin locally, before any call: `*`, or an origin as browsers send it,
/// `scheme://host[:port]` with scheme http or https and no path, query or fragment
/// (API Gateway refuses anything else only after the API exists). Pure.
package enum CORSOrigin {
    /// What is wrong with an origin, as a value (the CLI words it with the option's name).
    package enum Problem: Sendable, Equatable {
        /// Not `scheme://host[:port]` with scheme http or https.
        case notAnOrigin(String)
        /// An origin with a path, query, fragment or user.
        case moreThanOrigin(String)

        /// The text checked.
        package var text: String {
            switch self {
            case .notAnOrigin(let text), .moreThanOrigin(let text): text
            }
        }
    }

    /// What to give instead, after any problem.
    package static let example = "give * or an origin such as https://example.com or http://localhost:3000"

    /// nil when `text` is a valid origin; otherwise what is wrong with it.
    package static func problem(_ text: String) -> Problem? {
        if text == "*" { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
            text.lowercased().hasPrefix(scheme + "://")
        else { return .notAnOrigin(text) }
        if !components.percentEncodedPath.isEmpty || components.query != nil || components.fragment != nil
            || components.user != nil
        {
            return .moreThanOrigin(text)
        }
        return nil
    }
}

import Foundation

/// Checks a CORS allow-origin locally, before any call: `*`, or an origin as browsers send it,
/// `scheme://host[:port]` with scheme http or https and no path, query or fragment
/// (API Gateway refuses anything else only after the API exists). Pure.
package enum CORSOrigin {
    /// nil when `text` is a valid origin; otherwise the sentence that says what to type.
    package static func problem(_ text: String) -> String? {
        if text == "*" { return nil }
        let example = "give * or an origin such as https://example.com or http://localhost:3000"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
            text.lowercased().hasPrefix(scheme + "://")
        else { return "--cors-origin '\(text)' is not an origin; \(example)" }
        if !components.percentEncodedPath.isEmpty || components.query != nil || components.fragment != nil
            || components.user != nil
        {
            return "--cors-origin '\(text)' has more than scheme, host and port; \(example) (no path, not even a trailing /)"
        }
        return nil
    }
}

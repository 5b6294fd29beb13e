import Foundation

/// Removes secrets from text before it reaches any output: signatures, secret keys and
/// session tokens in headers (`Name: v` and the canonical `name:v`), query strings (`Name=v`),
/// XML and JSON bodies, and the `Signature=` of an Authorization header.
package enum Redactor {
    /// The placeholder that replaces a secret.
    package static let mask = "****"

    /// Header names whose whole value is secret.
    static let secretHeaders: Set<String> = [
        "x-amz-security-token", "x-amz-sso_bearer_token", "authorization-token", "x-aws-ec2-metadata-token",
    ]

    /// XML elements and JSON fields whose value is secret (credential documents, STS, SSO, sso-oidc).
    static let secretFields = [
        "SecretAccessKey", "SessionToken", "secretAccessKey", "sessionToken", "WebIdentityToken", "accessToken",
        "refreshToken", "clientSecret", "Token",
    ]

    /// Names that, followed by `:` or `=`, introduce a secret in free text (matched without case).
    static let secretAssignments = [
        "x-amz-security-token", "x-amz-sso_bearer_token", "x-aws-ec2-metadata-token", "authorization-token",
        "signature", "webidentitytoken",
    ]

    /// A header value with its secret parts masked.
    package static func header(name: String, value: String) -> String {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) { return mask }
        if lower == "authorization" {
            if let range = value.range(of: "Signature=") {
                return String(value[..<range.upperBound]) + mask
            }
            return mask
        }
        return value
    }

    /// Text (a body, URL, error message or log line) with secret values masked wherever they
    /// appear: XML elements, JSON fields, headers in either form and query parameters.
    package static func text(_ input: String) -> String {
        var output = input
        for name in secretFields {
            output = maskXML(output, element: name)
            output = maskJSON(output, field: name)
        }
        for name in secretAssignments {
            output = maskAssignment(output, name: name)
        }
        return output
    }

    /// `text`, then the values of a Lambda `Environment.Variables` object masked (names kept):
    /// for `--debug` bodies, where database passwords and API keys would otherwise show.
    package static func debugBody(_ input: String) -> String {
        maskVariables(text(input))
    }

    private static func maskXML(_ text: String, element: String) -> String {
        var result = ""
        var rest = Substring(text)
        let open = "<\(element)>", close = "</\(element)>"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            result += rest[..<start.upperBound] + mask
            rest = rest[end.lowerBound...]
        }
        return result + rest
    }

    private static func maskJSON(_ text: String, field: String) -> String {
        var result = ""
        var rest = Substring(text)
        let key = "\"\(field)\""
        while let keyRange = rest.range(of: key) {
            result += rest[..<keyRange.upperBound]
            rest = rest[keyRange.upperBound...]
            // skip `  :  "`, then mask until the closing quote
            guard let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy(\.isWhitespace),
                let quote = rest[rest.index(after: colon)...].firstIndex(of: "\""),
                rest[rest.index(after: colon)..<quote].allSatisfy(\.isWhitespace)
            else { continue }
            let end = stringEnd(rest, afterQuote: quote)
            result += rest[...quote] + mask
            rest = rest[end...]
        }
        return result + rest
    }

    /// The index of the closing quote of the JSON string opened at `quote` (or the end).
    static func stringEnd(_ text: Substring, afterQuote quote: Substring.Index) -> Substring.Index {
        var index = text.index(after: quote)
        while index < text.endIndex, text[index] != "\"" {
            if text[index] == "\\" { index = text.index(after: index) }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return index
    }

    /// Characters a token, signature or key may be made of (base64, hex, percent-encoding).
    private static func isSecretCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "+/=%_-.~".contains(character)
    }

    /// Masks the value after `name`, `name:`, `name=`, `name: ` (any case, on a word boundary).
    private static func maskAssignment(_ text: String, name: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: name, options: .caseInsensitive) {
            let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            if let before, before.isLetter || before.isNumber || before == "_" { continue }
            var index = rest.startIndex
            if index < rest.endIndex, rest[index] == "\"" { index = rest.index(after: index) }
            while index < rest.endIndex, rest[index] == " " { index = rest.index(after: index) }
            guard index < rest.endIndex, rest[index] == ":" || rest[index] == "=" else { continue }
            index = rest.index(after: index)
            while index < rest.endIndex, rest[index] == " " || rest[index] == "\"" { index = rest.index(after: index) }
            let valueEnd = rest[index...].firstIndex { !isSecretCharacter($0) } ?? rest.endIndex
            guard valueEnd > index else { continue }
            result += rest[..<index] + mask
            rest = rest[valueEnd...]
        }
        return result + rest
    }
}

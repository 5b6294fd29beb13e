/// Removes secrets from text before it reaches any output: signatures, secret keys and
/// session tokens in headers, query strings, XML and JSON bodies.
public enum Redactor {
    /// The placeholder that replaces a secret.
    public static let mask = "****"

    /// Header names whose whole value is secret.
    static let secretHeaders: Set<String> = ["x-amz-security-token", "x-amz-sso_bearer_token", "authorization-token"]

    /// A header value with its secret parts masked.
    public static func header(name: String, value: String) -> String {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) || lower == "x-aws-ec2-metadata-token" { return mask }
        if lower == "authorization" {
            if let range = value.range(of: "Signature=") {
                return String(value[..<range.upperBound]) + mask
            }
            return mask
        }
        return value
    }

    /// Text (a body or URL) with secret values masked: XML elements, JSON fields and query
    /// parameters named like secrets.
    public static func text(_ input: String) -> String {
        var output = input
        for name in ["SecretAccessKey", "SessionToken", "secretAccessKey", "sessionToken", "WebIdentityToken", "accessToken"] {
            output = maskXML(output, element: name)
            output = maskJSON(output, field: name)
        }
        for name in ["X-Amz-Signature", "X-Amz-Security-Token", "WebIdentityToken"] {
            output = maskQuery(output, parameter: name)
        }
        return output
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
            var index = rest.index(after: quote)
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\" { index = rest.index(after: index) }
                if index < rest.endIndex { index = rest.index(after: index) }
            }
            result += rest[...quote] + mask
            rest = rest[index...]
        }
        return result + rest
    }

    private static func maskQuery(_ text: String, parameter: String) -> String {
        var result = ""
        var rest = Substring(text)
        let key = "\(parameter)="
        while let range = rest.range(of: key) {
            result += rest[..<range.upperBound] + mask
            rest = rest[range.upperBound...]
            let end = rest.firstIndex { $0 == "&" || $0 == " " || $0 == "\n" || $0 == "\"" } ?? rest.endIndex
            rest = rest[end...]
        }
        return result + rest
    }
}

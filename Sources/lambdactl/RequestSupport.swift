import AWSCore
import Foundation

/// Reads `--data`: inline text, or `@FILE`.
enum RequestBody {
    static func load(_ argument: String) throws -> Data {
        guard argument.hasPrefix("@") else { return Data(argument.utf8) }
        let path = String(argument.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError(description: "cannot read --data file '\(path)': check the path and permissions")
        }
        return data
    }
}

struct InputFileError: CategorizedError, CustomStringConvertible {
    let description: String
    var category: ErrorCategory { .localInput }
}

/// `yyyyMMdd'T'HHmmss'Z'` parsing for `--signing-time`.
enum SigningTime {
    static func parse(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var components = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year,
            month: month, day: day, hour: hour, minute: minute, second: second)
        components.nanosecond = 0
        // DateComponents rolls month 13 or second 99 over; a time that does not read back is wrong.
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...59).contains(second), let date = components.date,
            Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0) ?? .current, from: date).day == day
        else { return nil }
        return date
    }
}

/// The three signing stages as printed by `request --dry-run` (text, or JSON with `--output json`).
struct SigningStagesText: Encodable, Equatable {
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String

    /// The stages with the session token masked, and the signature too when `maskSignature`.
    static func shown(
        _ stages: (canonicalRequest: String, stringToSign: String, authorization: String), sessionToken: String?,
        maskSignature: Bool
    ) -> SigningStagesText {
        var canonical = stages.canonicalRequest
        if let sessionToken { canonical = canonical.replacingOccurrences(of: sessionToken, with: Redactor.mask) }
        let authorization = maskSignature
            ? Redactor.header(name: "Authorization", value: stages.authorization) : stages.authorization
        return SigningStagesText(canonicalRequest: canonical, stringToSign: stages.stringToSign, authorization: authorization)
    }

    /// The text form of `shown(stages, sessionToken:, maskSignature:)`.
    static func render(
        _ stages: (canonicalRequest: String, stringToSign: String, authorization: String), sessionToken: String?,
        maskSignature: Bool
    ) -> String {
        render(shown(stages, sessionToken: sessionToken, maskSignature: maskSignature))
    }

    /// The text form.
    static func render(_ shown: SigningStagesText) -> String {
        """
        # Canonical request
        \(shown.canonicalRequest)

        # String to sign
        \(shown.stringToSign)

        # Authorization
        \(shown.authorization)
        """
    }
}

/// An answer body for stdout: pretty JSON when it is JSON, else the text as it came.
enum ResponseText {
    static func render(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        {
            return String(decoding: pretty, as: UTF8.self)
        }
        return Redactor.text(String(decoding: body, as: UTF8.self))
    }

    /// `--output json`: a JSON answer as it is (pretty); any other answer (XML from IAM, STS and
    /// S3, or an empty body) as `{"status": N, "body": "text"}`, so stdout is always valid JSON.
    static func renderJSON(_ body: Data, status: Int) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        {
            return String(decoding: pretty, as: UTF8.self)
        }
        let wrapped: [String: Any] = ["status": status, "body": Redactor.text(String(decoding: body, as: UTF8.self))]
        let data = (try? JSONSerialization.data(withJSONObject: wrapped, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

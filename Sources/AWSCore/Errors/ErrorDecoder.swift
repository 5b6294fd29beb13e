import Foundation

/// Reads AWS error answers of every protocol into `AWSServiceError`.
/// Code from `X-Amzn-ErrorType`, else `__type`/`code` in JSON (cut at `:`, keep after the last `#`),
/// else `<Error><Code>` in XML. Request id from `x-amzn-RequestId`, `x-amz-request-id` or `<RequestId>`.
package enum ErrorDecoder {
    /// Decodes an error answer; never fails (falls back to the HTTP status).
    package static func decode(_ response: HTTPResponse, operation: String? = nil) -> AWSServiceError {
        var code = response.headers["X-Amzn-ErrorType"].map(cleanCode)
        var message: String?
        var requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]

        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            if code == nil || code == "" {
                code = (object["__type"] as? String ?? object["code"] as? String ?? object["Code"] as? String)
                    .map(cleanCode)
            }
            message = object["message"] as? String ?? object["Message"] as? String
                ?? object["errorMessage"] as? String
        } else if let document = try? XMLDocumentNode.parse(response.body) {
            let error = document.first("Error") ?? document
            if code == nil || code == "" { code = error.first("Code")?.text }
            message = error.first("Message")?.text
            if requestID == nil { requestID = document.first("RequestId")?.text ?? document.first("RequestID")?.text }
        }
        let fallback = response.status == 404 ? "NotFound" : "HTTP\(response.status)"
        return AWSServiceError(
            code: (code?.isEmpty == false ? code : nil) ?? fallback,
            message: message ?? (response.body.isEmpty ? "" : Self.snippet(response.body)),
            requestID: requestID, status: response.status, operation: operation)
    }

    /// `aws.protocols#Foo:http://…` → `Foo`.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// The first 200 characters of a body, on one line.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

import Foundation

/// The `--debug` text of one request or answer, secrets masked: the same shape for service
/// calls (`AWSClient`) and for the credential endpoints (container, IMDS, SSO, sso-oidc).
package enum DebugLog {
    /// `> LABEL: METHOD URL`, the headers and the body, each line prefixed with `>`.
    package static func request(_ request: HTTPRequest, label: String) -> String {
        var lines = ["> \(label): \(request.method) \(Redactor.text(request.urlString))"]
        for field in request.headers {
            lines.append("> \(field.name): \(Redactor.header(name: field.name, value: field.value))")
        }
        lines.append(contentsOf: bodyLines(request.body, prefix: ">"))
        return lines.joined(separator: "\n")
    }

    /// `< LABEL: HTTP STATUS`, the headers and the body, each line prefixed with `<`; a body that
    /// is a secret as a whole (the IMDSv2 session token) shows as its size only.
    package static func answer(_ response: HTTPResponse, label: String, bodyIsSecret: Bool = false) -> String {
        var lines = ["< \(label): HTTP \(response.status)"]
        for field in response.headers {
            lines.append("< \(field.name): \(Redactor.header(name: field.name, value: field.value))")
        }
        if bodyIsSecret, !response.body.isEmpty {
            lines.append("< [body: \(response.body.count) bytes, secret]")
        } else {
            lines.append(contentsOf: bodyLines(.data(response.body), prefix: "<"))
        }
        return lines.joined(separator: "\n")
    }

    /// A body: text up to 2 KiB with secrets and environment variable values masked, or a byte count.
    static func bodyLines(_ body: HTTPBody, prefix: String) -> [String] {
        switch body {
        case .empty:
            return []
        case .file(let path, let size, _):
            return ["\(prefix) [body: \(size) bytes streamed from \(path)]"]
        case .data(let data):
            guard !data.isEmpty else { return [] }
            guard data.count <= 2048, let text = String(data: data, encoding: .utf8) else {
                return ["\(prefix) [body: \(data.count) bytes]"]
            }
            return ["\(prefix) " + Redactor.debugBody(text)]
        }
    }
}

import Foundation

/// Plain HTTP fetches for the credential endpoints (container, IMDS, SSO, sso-oidc): URL parsing,
/// a retrying send, and `--debug` lines with secrets masked.
package enum MetadataFetch {
    /// A request for `url` (pure); throws a `.failed` error naming the URL when it is not http(s).
    static func request(method: String, url: String, provider: String) throws -> HTTPRequest {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let rawHost = components.host, !rawHost.isEmpty
        else {
            throw CredentialsError.failed(provider: provider, message: "'\(url)' is not an http(s) URL")
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        // IPv6 literals (IMDS's fd00:ec2::254) keep their brackets in URLs and the Host header.
        let host = rawHost.contains(":") && !rawHost.hasPrefix("[") ? "[\(rawHost)]" : rawHost
        let query = (components.queryItems ?? []).map { QueryItem($0.name, $0.value ?? "") }
        return HTTPRequest(method: method, scheme: scheme, host: host, port: components.port, path: path, query: query)
    }

    /// Sends `request`, retrying transport failures and 5xx answers up to `attempts` times in all;
    /// each attempt and answer goes to `debug`, labelled with `provider` (the answer's body as its
    /// size only when `answerIsSecret`).
    package static func send(
        _ request: HTTPRequest, via transport: any HTTPTransport, timeout: Duration, attempts: Int, provider: String,
        debug: (@Sendable (String) -> Void)? = nil, answerIsSecret: Bool = false
    ) async throws -> HTTPResponse {
        var lastError: Error = CredentialsError.failed(provider: provider, message: "no attempt made")
        for attempt in 1...max(1, attempts) {
            do {
                debug?(DebugLog.request(request, label: provider))
                let response = try await transport.send(request, timeout: timeout)
                debug?(DebugLog.answer(response, label: provider, bodyIsSecret: answerIsSecret))
                if response.status >= 500 && attempt < attempts { continue }
                return response
            } catch let error as TransportError {
                debug?("\(provider): transport error: \(error.reason)")
                lastError = error
            }
        }
        throw lastError
    }
}

extension TransportError {
    /// A short phrase for messages: `connection refused`, `timed out`, …
    package var reason: String {
        switch self {
        case .cannotConnect(let detail): return "cannot connect: \(detail)"
        case .connectionLost(let detail): return "connection lost: \(detail)"
        case .timedOut: return "timed out"
        case .other(let detail): return detail
        }
    }
}

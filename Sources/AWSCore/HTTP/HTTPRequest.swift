import Foundation

/// An ordered list of HTTP header fields; names compare case-insensitively, order is kept.
package struct HTTPHeaders: Sendable, Equatable, Sequence {
    /// The fields in the order they were added.
    package private(set) var fields: [(name: String, value: String)]

    /// Creates headers from name/value pairs, keeping their order.
    package init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`, compared case-insensitively.
    package subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// Replaces every field called `name` with one field holding `value`.
    package mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name: name, value: value))
    }

    /// Adds a field, keeping any existing ones of the same name.
    package mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Removes every field called `name`.
    package mutating func remove(_ name: String) {
        let lower = name.lowercased()
        fields.removeAll { $0.name.lowercased() == lower }
    }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    package static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// What a request carries after its headers.
package enum HTTPBody: Sendable, Equatable {
    /// No body.
    case empty
    /// Bytes held in memory.
    case data(Data)
    /// A file streamed from disk; `size` and `sha256Hex` are computed by the caller once.
    case file(path: String, size: Int64, sha256Hex: String)

    /// The number of bytes the body sends.
    package var count: Int64 {
        switch self {
        case .empty: return 0
        case .data(let data): return Int64(data.count)
        case .file(_, let size, _): return size
        }
    }
}

/// One HTTP request as lambdactl sends it: the path is kept exactly as it goes on the wire.
package struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, …
    package var method: String
    /// `https` or `http`.
    package var scheme: String
    /// The host name, without port.
    package var host: String
    /// A port other than the scheme's default, or nil.
    package var port: Int?
    /// The percent-encoded path as it goes on the wire (URI-encoded once).
    package var path: String
    /// Query parameters, not yet encoded, in order.
    package var query: [QueryItem]
    /// Header fields.
    package var headers: HTTPHeaders
    /// The body.
    package var body: HTTPBody

    /// Creates a request.
    package init(
        method: String, scheme: String = "https", host: String, port: Int? = nil,
        path: String = "/", query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: HTTPBody = .empty
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The `Host` header value: the host, plus the port when it is not the scheme's default.
    package var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// The full URL string, with the query encoded by RFC 3986 rules (`+` as `%2B`, space as `%20`).
    package var urlString: String {
        var text = "\(scheme)://\(hostHeader)\(path)"
        if !query.isEmpty {
            text += "?" + query.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }
                .joined(separator: "&")
        }
        return text
    }
}

/// One query parameter, not yet encoded.
package struct QueryItem: Sendable, Equatable {
    package var name: String
    package var value: String
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One HTTP answer, its body fully read.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: Data
    package init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The only way bytes leave the process. Unit tests script it; the product uses URLSession.
package protocol HTTPTransport: Sendable {
    /// Sends one request and returns the whole answer, or throws a `TransportError`.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// A failure below HTTP: nothing (or nothing complete) came back.
package enum TransportError: Error, Sendable, Equatable {
    /// The connection could not be made (refused, DNS, TLS).
    case cannotConnect(String)
    /// The connection was reset or closed before a whole answer arrived.
    case connectionLost(String)
    /// No answer within the timeout.
    case timedOut
    /// Anything else the transport reports.
    case other(String)
}

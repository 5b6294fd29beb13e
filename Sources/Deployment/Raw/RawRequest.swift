import AWSCore
import Foundation

/// A raw signed call described on the command line (`lambdactl request`), turned into an
/// operation the client core can send. Pure: reads no files (the caller passes the body).
package struct RawRequest: Sendable {
    /// HTTP method, upper-cased.
    package var method: String
    /// The path as the user wrote it, decoded (`/2015-03-31/functions/arn:aws:lambda:…`).
    package var path: String
    /// `k=v` parameters.
    package var query: [QueryItem]
    /// `k:v` headers.
    package var headers: HTTPHeaders
    /// The operation for `X-Amz-Target` (json-1.1) or `Action` (query protocol).
    package var target: String?
    /// The body, if any.
    package var body: Data?

    /// Creates a raw request.
    package init(method: String, path: String, query: [QueryItem], headers: HTTPHeaders, target: String?, body: Data?) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.target = target
        self.body = body
    }

    /// Parses `k=v` (query) arguments.
    package static func parseQuery(_ items: [String]) throws -> [QueryItem] {
        try items.map { item in
            guard let equals = item.firstIndex(of: "=") else {
                throw RawRequestError.queryNotKeyValue(item)
            }
            return QueryItem(String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// Parses `k:v` (header) arguments.
    package static func parseHeaders(_ items: [String]) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        for item in items {
            guard let colon = item.firstIndex(of: ":"), colon != item.startIndex else {
                throw RawRequestError.headerNotNameValue(item)
            }
            guard !item.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw RawRequestError.headerLineBreak(String(item.prefix { $0 != "\n" && $0 != "\r" }))
            }
            headers.add(
                String(item[..<colon]).trimmingCharacters(in: .whitespaces),
                String(item[item.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return headers
    }

    /// The operation for a service speaking `serviceProtocol`, built by AWSCore's encoder for
    /// that protocol.
    package func operation(for serviceProtocol: AWSProtocol) throws -> AWSOperation {
        guard path.hasPrefix("/") else { throw RawRequestError.relativePath }
        let wirePath = PercentEncoding.encode(path, keepSlash: true)
        switch serviceProtocol {
        case .restJSON:
            return RestJSONEncoding.operation(
                name: "\(method) \(path)", method: method, path: wirePath, query: query, headers: headers, body: body)
        case .json10(let prefix), .json11(let prefix):
            guard let target else { throw RawRequestError.missingTarget(kind: "OPERATION", example: "DescribeLogGroups") }
            var operation = JSONRPCEncoding.operation(
                name: target, targetPrefix: prefix, version: serviceProtocol.jsonVersion ?? "1.1",
                target: target.contains(".") ? target : nil, body: body, headers: headers)
            operation.method = method
            operation.path = wirePath
            operation.query = query
            return operation
        case .query(let version):
            return try queryOperation(version: version, wirePath: wirePath)
        case .restXML:
            return AWSOperation(
                name: "\(method) \(path)", method: method, path: wirePath, query: query, headers: headers,
                body: body.map { .data($0) } ?? .empty)
        }
    }

    /// A query-protocol call: the form as the body of a POST without a body, else in the URL.
    private func queryOperation(version: String, wirePath: String) throws -> AWSOperation {
        let action = target ?? query.first { $0.name == "Action" }?.value
        guard let action else { throw RawRequestError.missingTarget(kind: "ACTION", example: "GetCallerIdentity") }
        let rest = query.filter { $0.name != "Action" && $0.name != "Version" }.map { ($0.name, $0.value) }
        if method == "POST", body == nil {
            var operation = QueryEncoding.operation(name: action, version: version, parameters: rest, headers: headers)
            operation.path = wirePath
            return operation
        }
        let form = QueryEncoding.parameters(action: action, version: version, rest)
        return AWSOperation(
            name: action, method: method, path: wirePath, query: form.map { QueryItem($0.0, $0.1) }, headers: headers,
            body: body.map { .data($0) } ?? .empty)
    }
}

/// A raw request that cannot be built, as a value naming no flag: the CLI words it with
/// `--query`, `--header` and `--target`.
package enum RawRequestError: CategorizedError, CustomStringConvertible, Equatable {
    /// A query parameter without `=`.
    case queryNotKeyValue(String)
    /// A header without `:` (or with nothing before it).
    case headerNotNameValue(String)
    /// A header with a line break; the text up to it.
    case headerLineBreak(String)
    /// A path that does not start with `/`.
    case relativePath
    /// A JSON or query service called without the operation (`kind`: `OPERATION` or `ACTION`).
    case missingTarget(kind: String, example: String)

    package var category: ErrorCategory { .usage }

    /// The sentence in plain words.
    package var description: String {
        switch self {
        case .queryNotKeyValue(let item): "a query parameter takes key=value, got '\(item)'"
        case .headerNotNameValue(let item): "a header takes name:value, got '\(item)'"
        case .headerLineBreak(let line): "a header must be one line; remove the line break from '\(line)…'"
        case .relativePath: "PATH must start with /, e.g. /2015-03-31/functions"
        case .missingTarget(let kind, let example): "this service needs the \(kind) to call, e.g. \(example)"
        }
    }
}

import AWSCore
import Foundation

/// A raw signed call described on the command line (`lambdactl request`), turned into an
/// operation the client core can send. Pure: reads no files (the caller passes the body).
public struct RawRequest: Sendable {
    /// HTTP method, upper-cased.
    public var method: String
    /// The path as the user wrote it, decoded (`/2015-03-31/functions/arn:aws:lambda:…`).
    public var path: String
    /// `k=v` parameters.
    public var query: [QueryItem]
    /// `k:v` headers.
    public var headers: HTTPHeaders
    /// The operation for `X-Amz-Target` (json-1.1) or `Action` (query protocol).
    public var target: String?
    /// The body, if any.
    public var body: Data?

    /// Creates a raw request.
    public init(method: String, path: String, query: [QueryItem], headers: HTTPHeaders, target: String?, body: Data?) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.target = target
        self.body = body
    }

    /// Parses `k=v` (query) arguments.
    public static func parseQuery(_ items: [String]) throws -> [QueryItem] {
        try items.map { item in
            guard let equals = item.firstIndex(of: "=") else {
                throw RawRequestError("--query takes key=value, got '\(item)'")
            }
            return QueryItem(String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// Parses `k:v` (header) arguments.
    public static func parseHeaders(_ items: [String]) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        for item in items {
            guard let colon = item.firstIndex(of: ":"), colon != item.startIndex else {
                throw RawRequestError("--header takes name:value, got '\(item)'")
            }
            guard !item.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw RawRequestError("--header must be one line; remove the line break from '\(item.prefix { $0 != "\n" && $0 != "\r" })…'")
            }
            headers.add(
                String(item[..<colon]).trimmingCharacters(in: .whitespaces),
                String(item[item.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return headers
    }

    /// The operation for a service speaking `serviceProtocol`.
    public func operation(for serviceProtocol: AWSProtocol) throws -> AWSOperation {
        guard path.hasPrefix("/") else { throw RawRequestError("PATH must start with /, e.g. /2015-03-31/functions") }
        var headers = headers
        var query = query
        var body: HTTPBody = self.body.map { .data($0) } ?? .empty
        let name: String
        switch serviceProtocol {
        case .restJSON:
            name = "\(method) \(path)"
            if self.body != nil, headers["Content-Type"] == nil { headers.set("Content-Type", "application/json") }
        case .json11(let prefix):
            guard let target else { throw RawRequestError("this service needs --target OPERATION, e.g. --target DescribeLogGroups") }
            name = target
            headers.set("X-Amz-Target", target.contains(".") ? target : "\(prefix).\(target)")
            headers.set("Content-Type", "application/x-amz-json-1.1")
            if self.body == nil { body = .data(Data("{}".utf8)) }
        case .query(let version):
            let action = target ?? query.first { $0.name == "Action" }?.value
            guard let action else { throw RawRequestError("this service needs --target ACTION, e.g. --target GetCallerIdentity") }
            name = action
            query.removeAll { $0.name == "Action" || $0.name == "Version" }
            let form = [("Action", action), ("Version", version)] + query.map { ($0.name, $0.value) }
            if method == "POST", self.body == nil {
                headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                body = .data(Data(QueryEncoding.form(form).utf8))
                query = []
            } else {
                query = form.map { QueryItem($0.0, $0.1) }
            }
        case .restXML:
            name = "\(method) \(path)"
        }
        return AWSOperation(
            name: name, method: method, path: PercentEncoding.encode(path, keepSlash: true), query: query,
            headers: headers, body: body)
    }
}

/// A `lambdactl request` argument is wrong.
public struct RawRequestError: CategorizedError, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
    public var category: ErrorCategory { .usage }
}

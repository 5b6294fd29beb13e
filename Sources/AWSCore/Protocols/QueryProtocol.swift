import Foundation

extension AWSClient {
    /// Sends a query-protocol operation (`Action=<name>&Version=…&params`) and returns the
    /// parsed XML answer. Parameters use the protocol's flattened names (`Tags.member.1.Key`).
    public func query(_ name: String, _ parameters: [(String, String)] = [], unsigned: Bool = false) async throws
        -> XMLDocumentNode
    {
        guard case .query(let version) = serviceProtocol else {
            preconditionFailure("query called on a client whose protocol is \(serviceProtocol)")
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        let body = QueryEncoding.form([("Action", name), ("Version", version)] + parameters)
        let response = try await send(
            AWSOperation(
                name: name, method: "POST", path: "/", headers: headers, body: .data(Data(body.utf8)),
                unsigned: unsigned))
        do {
            return try XMLDocumentNode.parse(response.body)
        } catch {
            throw AWSResponseDecodingError(operation: name, detail: String(describing: error))
        }
    }
}

/// `application/x-www-form-urlencoded` bodies as the query protocol wants them (RFC 3986 encoding).
public enum QueryEncoding {
    /// `a=1&b=x%20y` in the given order.
    public static func form(_ parameters: [(String, String)]) -> String {
        parameters.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }
}

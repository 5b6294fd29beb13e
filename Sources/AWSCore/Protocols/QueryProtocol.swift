import Foundation

extension AWSClient {
    /// Sends a query-protocol operation (`Action=<name>&Version=…&params`) and returns the
    /// parsed XML answer. Parameters use the protocol's flattened names (`Tags.member.1.Key`).
    package func query(_ name: String, _ parameters: [(String, String)] = [], unsigned: Bool = false) async throws
        -> XMLDocumentNode
    {
        guard case .query(let version) = serviceProtocol else {
            preconditionFailure("query called on a client whose protocol is \(serviceProtocol)")
        }
        let response = try await send(
            QueryEncoding.operation(name: name, version: version, parameters: parameters, unsigned: unsigned))
        do {
            return try XMLDocumentNode.parse(response.body)
        } catch {
            throw AWSResponseDecodingError(operation: name, detail: String(describing: error))
        }
    }
}

/// The query protocol's request shape: `POST /` with a form body `Action=…&Version=…&params`
/// (RFC 3986 encoding, where botocore writes a space as `+`; AWS reads both).
/// See the Smithy spec, "AWS query protocol".
package enum QueryEncoding {
    /// The form content type.
    package static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// `Action` and `Version` first, then `parameters` in order.
    package static func parameters(action: String, version: String, _ parameters: [(String, String)]) -> [(String, String)] {
        [("Action", action), ("Version", version)] + parameters
    }

    /// The `POST /` operation with the form body.
    package static func operation(
        name: String, version: String, parameters: [(String, String)], headers: HTTPHeaders = HTTPHeaders(),
        unsigned: Bool = false
    ) -> AWSOperation {
        var headers = headers
        headers.set("Content-Type", contentType)
        let body = form(Self.parameters(action: name, version: version, parameters))
        return AWSOperation(
            name: name, method: "POST", path: "/", headers: headers, body: .data(Data(body.utf8)), unsigned: unsigned)
    }

    /// `a=1&b=x%20y` in the given order.
    package static func form(_ parameters: [(String, String)]) -> String {
        parameters.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }
}

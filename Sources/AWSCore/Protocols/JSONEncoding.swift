import Foundation

/// The rest-json protocol's request shape: method and path carry the operation, an optional
/// JSON body. See the Smithy spec, "AWS restJson1 protocol".
package enum RestJSONEncoding {
    /// The operation; `Content-Type: application/json` is set for a body unless given.
    package static func operation(
        name: String, method: String, path: String, query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: Data?
    ) -> AWSOperation {
        var headers = headers
        if body != nil, headers["Content-Type"] == nil { headers.set("Content-Type", "application/json") }
        return AWSOperation(
            name: name, method: method, path: path, query: query, headers: headers,
            body: body.map { .data($0) } ?? .empty)
    }
}

/// The JSON RPC protocols' request shape (json 1.0 and 1.1): `POST /`, the operation in
/// `X-Amz-Target: <prefix>.<Operation>`, the input as a JSON body (`{}` when empty).
/// See the Smithy spec, "AWS JSON 1.0 protocol" and "AWS JSON 1.1 protocol".
package enum JSONRPCEncoding {
    /// `application/x-amz-json-1.0` or `-1.1`.
    package static func contentType(version: String) -> String { "application/x-amz-json-\(version)" }

    /// The operation `name` (`Logs_20140328.DescribeLogGroups` when `target` is nil, else
    /// `target` as written) with `body`.
    package static func operation(
        name: String, targetPrefix: String, version: String, target: String? = nil, body: Data?,
        headers: HTTPHeaders = HTTPHeaders()
    ) -> AWSOperation {
        var headers = headers
        headers.set("X-Amz-Target", target ?? "\(targetPrefix).\(name)")
        headers.set("Content-Type", contentType(version: version))
        return AWSOperation(
            name: name, method: "POST", path: "/", headers: headers, body: .data(body ?? Data("{}".utf8)))
    }
}

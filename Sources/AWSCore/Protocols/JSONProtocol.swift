import Foundation

extension AWSClient {
    /// Sends a rest-json operation whose body is `input` encoded as JSON, and decodes the answer.
    package func restJSON<Output: Decodable>(
        _ name: String, method: String, path: String, query: [QueryItem] = [],
        input: (some Encodable)? = nil as Empty?, headers: HTTPHeaders = HTTPHeaders(),
        as: Output.Type = Output.self
    ) async throws -> Output {
        let body = try input.map { try JSONCoding.encoder.encode($0) }
        let response = try await send(
            RestJSONEncoding.operation(name: name, method: method, path: path, query: query, headers: headers, body: body))
        return try JSONCoding.decode(Output.self, from: response.body, operation: name)
    }

    /// Sends a json 1.0 or 1.1 operation (`X-Amz-Target: <prefix>.<name>`, whichever this
    /// client's protocol is) and decodes the answer.
    package func jsonRPC<Output: Decodable>(
        _ name: String, input: some Encodable, as: Output.Type = Output.self
    ) async throws -> Output {
        guard let prefix = serviceProtocol.targetPrefix, let version = serviceProtocol.jsonVersion else {
            preconditionFailure("jsonRPC called on a client whose protocol is \(serviceProtocol)")
        }
        let response = try await send(
            JSONRPCEncoding.operation(
                name: name, targetPrefix: prefix, version: version, body: try JSONCoding.encoder.encode(input)))
        return try JSONCoding.decode(Output.self, from: response.body, operation: name)
    }

    /// Sends a json-1.1 operation; the same as `jsonRPC` (kept for the clients that call it).
    package func json11<Output: Decodable>(
        _ name: String, input: some Encodable, as: Output.Type = Output.self
    ) async throws -> Output {
        try await jsonRPC(name, input: input, as: Output.self)
    }
}

/// An empty input or output shape.
package struct Empty: Codable, Sendable, Equatable {
    package init() {}
    package init(from decoder: Decoder) throws {}
    package func encode(to encoder: Encoder) throws {
        _ = encoder.container(keyedBy: EmptyKey.self)
    }
    private struct EmptyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The JSON encoder and decoder every JSON protocol uses.
package enum JSONCoding {
    /// Encodes with sorted keys (stable bodies) and no escaped slashes.
    package static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes `type` from `data`; an empty body decodes as `{}`.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, operation: String) throws -> T {
        let body = data.isEmpty ? Data("{}".utf8) : data
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw AWSResponseDecodingError(operation: operation, detail: DecodingErrorText.describe(error))
        }
    }
}

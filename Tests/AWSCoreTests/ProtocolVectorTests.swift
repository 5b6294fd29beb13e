import Foundation
import Testing
@testable import AWSCore

/// One request botocore's serializers produced (`Scripts/gen-protocol-vectors.py`).
struct ProtocolVector: Decodable, Sendable, CustomTestStringConvertible {
    var service: String
    var operation: String
    var `protocol`: String
    var jsonVersion: String?
    var targetPrefix: String?
    var apiVersion: String?
    var input: JSONValue
    var method: String
    var path: String
    var headers: [String: String]
    var body: String
    var testDescription: String { "\(service) \(operation) (\(`protocol`))" }

    /// Every vector in `Data/protocol-vectors.json`, filtered by protocol.
    static func load(_ protocols: Set<String>) -> [ProtocolVector] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Data/protocol-vectors.json")
        struct Document: Decodable { var vectors: [ProtocolVector] }
        guard let data = try? Data(contentsOf: url), let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.vectors.filter { protocols.contains($0.protocol) }
    }
}

/// Any JSON value, to carry a vector's input through lambdactl's JSON encoder.
indirect enum JSONValue: Codable, Sendable, Equatable {
    case string(String), number(Double), integer(Int), bool(Bool), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

@Suite("Protocol encoders against botocore's wire requests")
struct ProtocolVectorTests {
    @Test("the vectors are there for json 1.0, json 1.1, query and rest-xml")
    func vectorsPresent() {
        let protocols = Set(ProtocolVector.load(["json", "query", "rest-xml"]).map { "\($0.protocol) \($0.jsonVersion ?? "")" })
        #expect(protocols == ["json 1.0", "json 1.1", "query ", "rest-xml "])
    }

    @Test("json 1.0 and 1.1: method, path, X-Amz-Target, Content-Type and body", arguments: ProtocolVector.load(["json"]))
    func jsonRPC(_ vector: ProtocolVector) throws {
        let prefix = try #require(vector.targetPrefix)
        let version = try #require(vector.jsonVersion)
        let operation = JSONRPCEncoding.operation(
            name: vector.operation, targetPrefix: prefix, version: version,
            body: try JSONCoding.encoder.encode(vector.input))
        #expect(operation.method == vector.method)
        #expect(operation.path == vector.path)
        #expect(operation.headers["X-Amz-Target"] == vector.headers["x-amz-target"])
        #expect(operation.headers["Content-Type"] == vector.headers["content-type"])
        guard case .data(let body) = operation.body else { Issue.record("no body"); return }
        // botocore writes `", "` and `\u00fc`; lambdactl compact UTF-8: the same JSON, same key order.
        let ours = try JSONDecoder().decode(JSONValue.self, from: body)
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(vector.body.utf8))
        #expect(ours == theirs)
        #expect(Self.keyOrder(body) == Self.keyOrder(Data(vector.body.utf8)))
    }

    @Test("query: Content-Type and the form body, byte for byte but botocore's + for a space", arguments: ProtocolVector.load(["query"]))
    func query(_ vector: ProtocolVector) throws {
        let version = try #require(vector.apiVersion)
        let pairs = Self.formPairs(vector.body).filter { $0.0 != "Action" && $0.0 != "Version" }
        let operation = QueryEncoding.operation(name: vector.operation, version: version, parameters: pairs)
        #expect(operation.method == vector.method)
        #expect(operation.path == vector.path)
        #expect(operation.headers["Content-Type"] == vector.headers["content-type"])
        guard case .data(let body) = operation.body else { Issue.record("no body"); return }
        #expect(String(decoding: body, as: UTF8.self) == vector.body.replacingOccurrences(of: "+", with: "%20"))
    }

    @Test("rest-xml: S3 PutBucketNotificationConfiguration's body, byte for byte")
    func restXML() throws {
        let vector = try #require(ProtocolVector.load(["rest-xml"]).first { $0.operation == "PutBucketNotificationConfiguration" })
        func leaf(_ name: String, _ text: String) -> XMLDocumentNode { XMLDocumentNode(name: name, text: text) }
        let rule = { (name: String, value: String) in
            XMLDocumentNode(name: "FilterRule", children: [leaf("Name", name), leaf("Value", value)])
        }
        let configuration = XMLDocumentNode(name: "NotificationConfiguration", children: [
            XMLDocumentNode(name: "CloudFunctionConfiguration", children: [
                leaf("Event", "s3:ObjectCreated:*"), leaf("Event", "s3:ObjectRemoved:Delete"),
                XMLDocumentNode(name: "Filter", children: [
                    XMLDocumentNode(name: "S3Key", children: [rule("prefix", "in/"), rule("suffix", ".png")]),
                ]),
                leaf("Id", "resize"), leaf("CloudFunction", "arn:aws:lambda:eu-west-1:123456789012:function:resize"),
            ]),
        ])
        let operation = RestXMLEncoding.operation(
            name: vector.operation, method: "PUT", path: "/uploads", query: [QueryItem("notification", "")],
            body: configuration, namespace: "http://s3.amazonaws.com/doc/2006-03-01/")
        #expect(operation.method == vector.method)
        #expect(vector.path == "/uploads?notification")
        guard case .data(let body) = operation.body else { Issue.record("no body"); return }
        #expect(String(decoding: body, as: UTF8.self) == vector.body)
        #expect(try XMLDocumentNode.parse(body).children.first?.children.count == 5)
    }

    @Test("XML text escapes &, < and >")
    func xmlEscaping() {
        #expect(XMLDocumentNode(name: "V", text: #"a&b<c>"d'"#).xmlText() == #"<V>a&amp;b&lt;c&gt;"d'</V>"#)
    }

    /// The object keys of a JSON text in the order they appear.
    static func keyOrder(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let pattern = try! Regex(#""((?:[^"\\]|\\.)*)"\s*:"#)
        return text.matches(of: pattern).map { String(text[$0.range]) .filter { $0 != " " } }
    }

    /// `a=1&b=x+y` decoded into pairs, in order.
    static func formPairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

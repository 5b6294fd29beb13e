import Foundation

extension XMLDocumentNode {
    /// The element as rest-xml bodies carry it: no declaration, no whitespace between
    /// elements, `xmlns` on this element when given; `&`, `<` and `>` in text escaped (and `"`
    /// in the attribute), as botocore's serializer (ElementTree) writes them. Elements with
    /// children ignore `text`.
    package func xmlText(namespace: String? = nil) -> String {
        var output = ""
        write(into: &output, namespace: namespace)
        return output
    }

    /// The UTF-8 bytes of `xmlText(namespace:)`.
    package func xmlData(namespace: String? = nil) -> Data { Data(xmlText(namespace: namespace).utf8) }

    private func write(into output: inout String, namespace: String?) {
        output += "<\(name)"
        if let namespace { output += " xmlns=\"\(Self.escape(namespace).replacingOccurrences(of: "\"", with: "&quot;"))\"" }
        output += ">"
        if children.isEmpty {
            output += Self.escape(text)
        } else {
            for child in children { child.write(into: &output, namespace: nil) }
        }
        output += "</\(name)>"
    }

    /// XML character escaping for text.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// The rest-xml protocol's request shape (S3): method, path and query carry the operation, an
/// optional XML body. See the Smithy spec, "AWS restXml protocol".
package enum RestXMLEncoding {
    /// The operation with `body` serialized under `namespace` (S3: `http://s3.amazonaws.com/doc/2006-03-01/`).
    package static func operation(
        name: String, method: String, path: String, query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(),
        body: XMLDocumentNode?, namespace: String? = nil
    ) -> AWSOperation {
        AWSOperation(
            name: name, method: method, path: path, query: query, headers: headers,
            body: body.map { .data($0.xmlData(namespace: namespace)) } ?? .empty)
    }
}

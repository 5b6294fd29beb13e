import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal XML element tree for the query protocol's answers (IAM, STS) and S3 errors.
package struct XMLDocumentNode: Sendable, Equatable {
    /// The element name without namespace prefix.
    package var name: String
    /// The text directly inside the element, trimmed.
    package var text: String
    /// Child elements in order.
    package var children: [XMLDocumentNode]

    /// Creates a node.
    package init(name: String, text: String = "", children: [XMLDocumentNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a whole document; throws when it is not well-formed (checks `parserError`, not
    /// only `parse()`'s result, which is true for some malformed documents).
    package static func parse(_ data: Data) throws -> XMLDocumentNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        let ok = parser.parse()
        if let error = parser.parserError { throw XMLParseError(detail: error.localizedDescription) }
        guard ok, let root = builder.root, builder.stack.isEmpty else {
            throw XMLParseError(detail: "not a complete XML document")
        }
        return root
    }

    /// The first descendant (depth first, self included) called `name`.
    package func first(_ name: String) -> XMLDocumentNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// The direct children called `name`.
    package func children(named name: String) -> [XMLDocumentNode] {
        children.filter { $0.name == name }
    }

    /// The text of the first descendant called `name`.
    package func value(_ name: String) -> String? {
        first(name)?.text
    }
}

/// The XML could not be parsed.
package struct XMLParseError: Error, CustomStringConvertible {
    package var detail: String
    package var description: String { "malformed XML: \(detail)" }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLDocumentNode] = []
    var texts: [String] = []
    var root: XMLDocumentNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLDocumentNode(name: local))
        texts.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard var node = stack.popLast(), let text = texts.popLast() else { return }
        node.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }
}

import Foundation
import Testing
@testable import lambdactl

@Suite("request --output json")
struct RequestJSONOutputTests {
    @Test("a non-JSON answer is wrapped as status and body so stdout stays valid JSON")
    func wrapsXML() throws {
        let text = ResponseText.renderJSON(Data("<A><B>1</B></A>".utf8), status: 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["body"] as? String == "<A><B>1</B></A>")
        #expect(object["status"] as? Int == 200)
        #expect(ResponseText.renderJSON(Data(#"{"a":1}"#.utf8), status: 200).contains(#""a" : 1"#))
    }
}

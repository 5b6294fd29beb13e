import Deployment
import Foundation
import Testing
@testable import lambdactl

@Suite("triggers text and JSON output")
struct TriggerTextTests {
    static let report = TriggersReport(function: "hello", qualifier: nil, triggers: [
        TriggerListing(
            kind: "sqs", qualifier: "live", source: "arn:aws:sqs:us-east-1:123456789012:orders-with-a-rather-long-queue-name",
            id: "0d5e5a3c-1b2a-4c3d-9e8f-0123456789ab", state: "Enabled", owned: true, identityHash: "ab12",
            details: ["batchSize": "10", "filters": String(repeating: "{\"body\":{\"type\":[\"order\"]}} ", count: 4)]),
        TriggerListing(kind: "route", qualifier: nil, source: "GET /items a1b2c3", id: "r1", owned: true, details: ["api": "shop"]),
        TriggerListing(
            kind: "permission", qualifier: nil, source: "arn:aws:s3:::uploads", id: "handmade", owned: false,
            details: ["principal": "s3.amazonaws.com", "warning": "no SourceAccount"]),
    ])

    @Test("a header names the function, every line fits 100 columns, ARNs keep their resource name, details follow")
    func text() {
        let text = TriggerText.describe(Self.report)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "hello: 3 ways in, 2 made by lambdactl")
        #expect(lines[1].hasPrefix("KIND"))
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        #expect(text.contains("orders-with-a") && !text.contains("arn:aws:sqs"))
        #expect(text.contains("uploads") && text.contains("lambdactl"))
        let permissionDetails = try? #require(lines.firstIndex { $0.hasPrefix("permission") }).advanced(by: 1)
        #expect(permissionDetails.map { lines[$0].hasPrefix("    warning=no SourceAccount  principal=") } == true)
    }

    @Test("nothing to list is one sentence naming the function and qualifier")
    func empty() {
        let text = TriggerText.describe(TriggersReport(function: "hello", qualifier: "live", triggers: []))
        #expect(text == "hello (qualifier live): nothing invokes it (no trigger, route, URL or permission)")
    }

    @Test("JSON is {function, qualifier (null when none), triggers} with camelCase keys")
    func json() throws {
        let data = try JSONEncoder().encode(Self.report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["function", "qualifier", "triggers"])
        #expect(object["qualifier"] is NSNull)
        let first = try #require((object["triggers"] as? [[String: Any]])?.first)
        #expect(first["identityHash"] as? String == "ab12" && first["owned"] as? Bool == true && first["kind"] as? String == "sqs")
    }

    @Test("an ARN is shortened to its resource; other text stays")
    func shortened() {
        #expect(TriggerText.shortened("arn:aws:events:us-east-1:123456789012:rule/orders/nightly") == "orders/nightly")
        #expect(TriggerText.shortened("arn:aws:sns:us-east-1:123456789012:alerts") == "alerts")
        #expect(TriggerText.shortened("arn:aws:s3:::uploads") == "uploads")
        #expect(TriggerText.shortened("https://x.lambda-url.us-east-1.on.aws/") == "https://x.lambda-url.us-east-1.on.aws/")
    }
}

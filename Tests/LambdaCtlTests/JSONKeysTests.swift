import AWSLambda
import Foundation
import Testing
@testable import Deployment
@testable import lambdactl

@Suite("lambdactl's own JSON keys: camelCase, acronyms as words; AWS objects under one key")
struct JSONKeysTests {
    func json<Value: Encodable>(_ value: Value) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test("routes --output json says apiId and invokeUrl, and each route routeId and integrationUri")
    func routesReport() throws {
        let route = RouteListing(routeKey: "GET /a", routeID: "r1", target: "integrations/i", integrationURI: "arn:f")
        let object = try json(RoutesCommand.Report(apiID: "a1", invokeURL: "https://a1.example", routes: [route]))
        #expect(Set(object.keys) == ["apiId", "invokeUrl", "routes"])
        let first = try #require((object["routes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["routeKey", "routeId", "target", "integrationUri"])
    }

    @Test("list-functions --output json puts AWS's function objects, with AWS's names, under one key")
    func listFunctions() throws {
        let object = try json(ListFunctions.Report(functions: [FunctionConfiguration(functionName: "f", functionARN: "arn:aws:lambda:us-east-1:1:function:f")]))
        #expect(Set(object.keys) == ["functions"])
        let first = try #require((object["functions"] as? [[String: Any]])?.first)
        #expect(first["FunctionName"] as? String == "f" && first["FunctionArn"] != nil)
    }
}

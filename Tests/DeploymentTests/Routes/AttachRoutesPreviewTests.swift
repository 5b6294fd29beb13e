import AWSAPIGatewayV2
import AWSCore
import Deployment
import Foundation
import Testing

@Suite("AttachRoutes preview (deploy --dry-run)")
struct AttachRoutesPreviewTests {
    static let arn = "arn:aws:lambda:eu-west-1:123456789012:function:hello"

    func preview(_ rig: RoutesRig, _ routes: [String], functionARN: String? = Self.arn) async throws
        -> (changes: [String], invokeURL: String?)
    {
        try await AttachRoutes(gateway: rig.client, lambda: rig.lambda).preview(
            AttachRoutesRequest(function: "hello", api: "shop", routes: try routes.map(RouteKey.init)),
            functionARN: functionARN)
    }

    @Test("a missing API: everything would be created, and nothing is written")
    func missingAPI() async throws {
        let rig = RoutesRig()
        let preview = try await preview(rig, ["GET /items", "POST /items"])
        #expect(preview.changes.count == 6 && preview.invokeURL == nil, "\(preview.changes)")
        #expect(rig.writes.isEmpty && rig.lambda.calls.isEmpty)
    }

    @Test("after attach, the same routes preview as unchanged; a new route is the only change; still no write")
    func afterAttach() async throws {
        let rig = RoutesRig()
        let attached = try await rig.attach(["GET /items"])
        let writes = rig.writes.count
        let same = try await preview(rig, ["GET /items"])
        #expect(same.changes.isEmpty, "\(same.changes)")
        #expect(same.invokeURL == attached.invokeURL)
        let more = try await preview(rig, ["GET /items", "POST /items"])
        #expect(more.changes == ["create route POST /items"])
        #expect(rig.writes.count == writes)
        let run = try await rig.attach(["GET /items", "POST /items"])
        #expect(run.changes.count == more.changes.count, "the run makes exactly the changes predicted")
    }

    @Test("a function not created yet finds an integration left for a function of that name")
    func functionNotCreated() async throws {
        let rig = RoutesRig()
        _ = try await rig.attach(["GET /items"])
        let preview = try await preview(rig, ["GET /items"], functionARN: nil)
        #expect(preview.changes == ["allow API api1 to invoke hello"], "\(preview.changes)")
    }
}

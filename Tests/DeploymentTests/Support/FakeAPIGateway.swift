import AWSCore
import AWSTestSupport
import Deployment
import Foundation
import Synchronization

/// An API Gateway v2 stand-in for `/v2/apis…` with one-item pages (so paging is exercised).
final class FakeAPIGateway: Sendable {
    struct State {
        var apis: [[String: Any]] = []
        var integrations: [String: [[String: Any]]] = [:]
        var routes: [String: [[String: Any]]] = [:]
        var stages: [String: [[String: Any]]] = [:]
        var counter = 0
    }

    private let state = Mutex(State())
    let pageSize: Int

    init(pageSize: Int = 1) {
        self.pageSize = pageSize
    }

    func addAPI(id: String, name: String, protocolType: String = "HTTP") {
        state.withLock {
            $0.apis.append(["apiId": id, "name": name, "protocolType": protocolType, "apiEndpoint": "https://\(id).example"])
        }
    }

    /// The integration IDs of an API.
    func integrationIDs(apiID: String) -> [String] {
        state.withLock { ($0.integrations[apiID] ?? []).compactMap { $0["integrationId"] as? String } }
    }

    func addRoute(apiID: String, key: String, target: String) {
        state.withLock {
            $0.counter += 1
            $0.routes[apiID, default: []].append(["routeId": "r\($0.counter)", "routeKey": key, "target": target])
        }
    }

    var routeKeys: [String: [String]] {
        state.withLock { $0.routes.mapValues { $0.compactMap { $0["routeKey"] as? String }.sorted() } }
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)  // v2, apis, ID, kind, ID
        let token = Int(request.query.first { $0.name == "nextToken" }?.value ?? "0") ?? 0
        return state.withLock { state in
            let body = jsonBody(request)
            func page(_ items: [[String: Any]]) -> HTTPResponse {
                let slice = Array(items.dropFirst(token).prefix(pageSize))
                var object: [String: Any] = ["items": slice]
                if token + pageSize < items.count { object["nextToken"] = String(token + pageSize) }
                return jsonResponse(200, object)
            }
            func newID(_ prefix: String) -> String {
                state.counter += 1
                return "\(prefix)\(state.counter)"
            }
            switch (request.method, parts.count) {
            case ("GET", 2): return page(state.apis)
            case ("POST", 2):
                let id = newID("api")
                var api = body
                api["apiId"] = id
                api["apiEndpoint"] = "https://\(id).example"
                state.apis.append(api)
                return jsonResponse(201, api)
            case ("PATCH", 3):
                guard let index = state.apis.firstIndex(where: { $0["apiId"] as? String == parts[2] }) else { break }
                state.apis[index].merge(body) { $1 }
                return jsonResponse(200, state.apis[index])
            case ("GET", 4):
                switch parts[3] {
                case "integrations": return page(state.integrations[parts[2]] ?? [])
                case "routes": return page(state.routes[parts[2]] ?? [])
                case "stages": return page(state.stages[parts[2]] ?? [])
                default: break
                }
            case ("POST", 4):
                var item = body
                switch parts[3] {
                case "integrations":
                    item["integrationId"] = newID("int")
                    state.integrations[parts[2], default: []].append(item)
                case "routes":
                    item["routeId"] = newID("r")
                    state.routes[parts[2], default: []].append(item)
                case "stages":
                    state.stages[parts[2], default: []].append(item)
                default: break
                }
                return jsonResponse(201, item)
            case ("DELETE", 5) where parts[3] == "integrations":
                state.integrations[parts[2]]?.removeAll { $0["integrationId"] as? String == parts[4] }
                return HTTPResponse(status: 204)
            case ("DELETE", 5):
                state.routes[parts[2]]?.removeAll { $0["routeId"] as? String == parts[4] }
                return HTTPResponse(status: 204)
            default: break
            }
            return jsonResponse(404, ["message": "Not found: \(request.method) \(request.path)"])
        }
    }
}

/// `FunctionPermissions` in memory, recording calls.
final class FakeFunctionPermissions: FunctionPermissions {
    private let state = Mutex<(statements: [PolicyStatement], calls: [String])>(([], []))
    let arn: String

    init(arn: String = "arn:aws:lambda:eu-west-1:123456789012:function:hello") {
        self.arn = arn
    }

    var statements: [PolicyStatement] { state.withLock { $0.statements } }
    var calls: [String] { state.withLock { $0.calls } }

    func add(_ statement: PolicyStatement) { state.withLock { $0.statements.append(statement) } }

    func functionARN(name: String, qualifier: String?) async throws -> String {
        FunctionARN(arn)!.qualified(qualifier)
    }

    func policy(function: String, qualifier: String?) async throws -> [PolicyStatement] {
        state.withLock { $0.statements }
    }

    func addPermission(function: String, qualifier: String?, permission: PermissionRequest) async throws {
        state.withLock {
            $0.calls.append("add \(permission.statementID)")
            $0.statements.append(
                PolicyStatement(
                    sid: permission.statementID, principals: [permission.principal], actions: [permission.action],
                    sourceARN: permission.sourceARN))
        }
    }

    func removePermission(function: String, qualifier: String?, statementID: String) async throws {
        state.withLock {
            $0.calls.append("remove \(statementID)")
            $0.statements.removeAll { $0.sid == statementID }
        }
    }
}

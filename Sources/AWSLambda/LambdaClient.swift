import AWSCore
import Foundation

/// AWS Lambda over rest-json: functions (API version 2015-03-31), layers (2018-10-31) and
/// function URLs (2021-10-31). Function names may be names, partial or full ARNs; every path
/// segment is percent-encoded once (`:` → `%3A`). See the AWS Lambda API Reference.
package struct LambdaClient: Sendable {
    /// The underlying client.
    package let client: AWSClient

    /// Creates a client for `endpoint` (signing name `lambda`).
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .lambda)
    }

    /// Wraps an existing rest-json client.
    package init(client: AWSClient) {
        self.client = client
    }

    /// `/2015-03-31/functions/{name}` plus `suffix`, with the name encoded as one segment.
    static func functionPath(_ name: String, _ suffix: String = "") -> String {
        "/2015-03-31/functions/" + PercentEncoding.encode(name) + suffix
    }

    static func qualifierQuery(_ qualifier: String?) -> [QueryItem] {
        qualifier.map { [QueryItem("Qualifier", $0)] } ?? []
    }

    // MARK: Functions

    /// CreateFunction (`POST /2015-03-31/functions`).
    package func createFunction(_ input: CreateFunctionInput) async throws -> FunctionConfiguration {
        try await client.restJSON("CreateFunction", method: "POST", path: "/2015-03-31/functions", input: input)
    }

    /// GetFunction (`GET /2015-03-31/functions/{name}`).
    package func getFunction(_ name: String, qualifier: String? = nil) async throws -> FunctionDetails {
        try await client.restJSON(
            "GetFunction", method: "GET", path: Self.functionPath(name), query: Self.qualifierQuery(qualifier))
    }

    /// GetFunctionConfiguration (`GET …/{name}/configuration`).
    package func getFunctionConfiguration(_ name: String, qualifier: String? = nil) async throws
        -> FunctionConfiguration
    {
        try await client.restJSON(
            "GetFunctionConfiguration", method: "GET", path: Self.functionPath(name, "/configuration"),
            query: Self.qualifierQuery(qualifier))
    }

    /// UpdateFunctionCode (`PUT …/{name}/code`); `revisionID` makes it fail with 412 when the
    /// function changed since it was read.
    package func updateFunctionCode(
        _ name: String, code: CodeSource, revisionID: String? = nil, publish: Bool = false,
        architectures: [String]? = nil
    ) async throws -> FunctionConfiguration {
        try await client.restJSON(
            "UpdateFunctionCode", method: "PUT", path: Self.functionPath(name, "/code"),
            input: UpdateFunctionCodeBody(
                code: code, revisionID: revisionID, publish: publish, architectures: architectures))
    }

    /// UpdateFunctionConfiguration (`PUT …/{name}/configuration`).
    package func updateFunctionConfiguration(_ name: String, changes: ConfigurationChanges) async throws
        -> FunctionConfiguration
    {
        try await client.restJSON(
            "UpdateFunctionConfiguration", method: "PUT", path: Self.functionPath(name, "/configuration"),
            input: changes)
    }

    /// DeleteFunction (`DELETE …/{name}`).
    package func deleteFunction(_ name: String, qualifier: String? = nil) async throws {
        let _: Empty = try await client.restJSON(
            "DeleteFunction", method: "DELETE", path: Self.functionPath(name), query: Self.qualifierQuery(qualifier))
    }

    /// ListFunctions, every page (`GET /2015-03-31/functions`).
    package func listFunctions() async throws -> [FunctionConfiguration] {
        try await Paginator.collect { marker in
            let page: Page<FunctionConfiguration> = try await client.restJSON(
                "ListFunctions", method: "GET", path: "/2015-03-31/functions", query: Self.markerQuery(marker))
            return (page.items, page.nextMarker)
        }
    }

    static func markerQuery(_ marker: String?) -> [QueryItem] {
        marker.map { [QueryItem("Marker", $0)] } ?? []
    }

    // MARK: Invoke

    /// Invoke (`POST …/{name}/invocations`): sends `payload` raw and returns the raw answer with
    /// `X-Amz-Function-Error`, the decoded `X-Amz-Log-Result` (when `tailLogs`) and the executed version.
    package func invoke(
        _ name: String, payload: Data, qualifier: String? = nil, type: InvocationType = .requestResponse,
        tailLogs: Bool = false
    ) async throws -> InvocationResult {
        var headers = HTTPHeaders()
        headers.set("X-Amz-Invocation-Type", type.rawValue)
        if tailLogs { headers.set("X-Amz-Log-Type", "Tail") }
        headers.set("Content-Type", "application/json")
        let response = try await client.send(
            AWSOperation(
                name: "Invoke", method: "POST", path: Self.functionPath(name, "/invocations"),
                query: Self.qualifierQuery(qualifier), headers: headers, body: .data(payload)))
        let logTail = response.headers["X-Amz-Log-Result"].flatMap { Data(base64Encoded: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
        return InvocationResult(
            status: response.status, payload: response.body, functionError: response.headers["X-Amz-Function-Error"],
            logTail: logTail, executedVersion: response.headers["X-Amz-Executed-Version"])
    }
}

import AWSAPIGatewayV2

extension FunctionAudit {
    /// Reads the ways into the function (`InvokePathsReader`) and the timeout of each alias an
    /// HTTP API route targets (keyed "" for the unqualified function when the audit is of
    /// `qualifier`). Without a gateway client nothing is read.
    func readInvocation(into facts: inout AuditedFunction, name: String, qualifier audited: String?) async throws {
        guard let gateway else { return }
        facts.paths = try await InvokePathsReader(lambda: lambda, gateway: gateway).read(function: name)
        for qualifier in Set(facts.paths.routes.map(\.qualifier)) where qualifier != audited {
            let configuration = try await lambda.getFunctionConfiguration(name, qualifier: qualifier)
            facts.qualifierTimeouts[qualifier ?? ""] = configuration.timeout ?? 3
        }
    }
}

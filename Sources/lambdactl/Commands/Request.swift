import ArgumentParser
import AWSCore
import Deployment
import Foundation

/// `lambdactl request`: a raw signed call for anything the typed commands do not cover.
struct Request: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Send a raw signed request to an AWS service and print the answer.",
        discussion: """
            SERVICE is one of: \(AppEnvironment.services.map(\.name).joined(separator: ", ")).
            PATH is written decoded (lambdactl encodes it), e.g. /2015-03-31/functions.
            JSON-RPC services (\(Request.names { $0.targetPrefix != nil })) take the operation as \
            --target and its input as --data; query-protocol services \
            (\(Request.names { if case .query = $0 { true } else { false } })) take the action as --target and \
            parameters as --query.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service: \(AppEnvironment.serviceNameList).")
    var service: String

    @Argument(help: "The HTTP method.")
    var method: String

    @Argument(help: "The request path, starting with /.")
    var path: String

    @Option(name: .customLong("query"), help: "A query parameter key=value (repeatable).")
    var queryItems: [String] = []

    @Option(name: .customLong("header"), help: "A header name:value (repeatable).")
    var headerItems: [String] = []

    @Option(help: "The operation: X-Amz-Target for \(Request.names { $0.targetPrefix != nil }), Action for \(Request.names { if case .query = $0 { true } else { false } }).")
    var target: String?

    @Option(help: "The body: inline JSON, or @FILE to read it from a file.")
    var data: String?

    @Flag(name: .customLong("dry-run"), help: "Print the canonical request, string to sign and Authorization header; send nothing.")
    var dryRun = false

    @Option(name: .customLong("signing-time"), help: "Sign as of this time (yyyyMMddTHHmmssZ), with --dry-run.")
    var signingTime: String?

    func validate() throws {
        guard AppEnvironment.service(named: service) != nil else {
            throw ValidationError("unknown service '\(service)': use one of \(AppEnvironment.services.map(\.name).joined(separator: ", "))")
        }
        if signingTime != nil, !dryRun { throw ValidationError("--signing-time only goes with --dry-run") }
        if let signingTime, SigningTime.parse(signingTime) == nil {
            throw ValidationError("--signing-time takes yyyyMMddTHHmmssZ, e.g. 20150830T123600Z")
        }
        guard Request.methods.contains(method.uppercased()) else {
            throw ValidationError("unknown HTTP method '\(method)': use one of \(Request.methods.joined(separator: ", "))")
        }
        if let data, !data.hasPrefix("@"), let kind = AppEnvironment.service(named: service), kind.wireProtocol.takesJSON,
            (try? JSONSerialization.jsonObject(with: Data(data.utf8), options: [.fragmentsAllowed])) == nil
        {
            throw ValidationError(#"--data is not valid JSON for \#(service); e.g. --data '{"Key":"value"}' or --data @body.json"#)
        }
        guard path.hasPrefix("/") else { throw ValidationError("PATH must start with /, e.g. /2015-03-31/functions") }
    }

    /// The registered services whose protocol `matches`, comma-separated (for the help).
    static func names(_ matches: (AWSProtocol) -> Bool) -> String {
        AppEnvironment.services.filter { matches($0.wireProtocol) }.map(\.name).joined(separator: ", ")
    }

    /// The HTTP methods AWS APIs use.
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let kind = AppEnvironment.service(named: service) ?? AppEnvironment.services[0]
        let client = try app.client(kind)
        let body = try data.map(RequestBody.load)
        let raw = RawRequest(
            method: method, path: path, query: try RawRequest.parseQuery(queryItems),
            headers: try RawRequest.parseHeaders(headerItems), target: target, body: body)
        let operation = try raw.operation(for: kind.wireProtocol)
        if dryRun {
            let date = signingTime.flatMap(SigningTime.parse) ?? app.context.time.now()
            let credentials = try await app.context.credentials.credentials()
            let stages = client.signingStages(for: operation, credentials: credentials, date: date)
            let live = app.context.time.now().timeIntervalSince(date) < 15 * 60
            let shown = SigningStagesText.shown(stages, sessionToken: credentials.sessionToken, maskSignature: live)
            try app.output.emit(shown) { SigningStagesText.render(shown) }
            return
        }
        let response = try await client.send(operation)
        switch app.output.format {
        case .text: app.output.line(ResponseText.render(response.body))
        case .json, .ndjson: app.output.line(ResponseText.renderJSON(response.body, status: response.status))
        }
    }
}

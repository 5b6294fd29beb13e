import AWSCore

/// A route of ``ScriptedTransport``: an operation name (`GetCallerIdentity`,
/// `FilterLogEvents`) or `METHOD /path` where a `{name}` segment matches any one path segment
/// and a trailing `{name+}` matches the rest.
struct RouteTemplate: Sendable {
    /// The route as written.
    let text: String
    private let method: String?
    private let segments: [Substring]

    /// Parses `text`; anything but `METHOD /path` is an operation name.
    init(_ text: String) {
        self.text = text
        let parts = text.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[1].hasPrefix("/") {
            method = String(parts[0])
            segments = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        } else {
            method = nil
            segments = []
        }
    }

    /// Whether `request` is this route's operation.
    func matches(_ request: HTTPRequest) -> Bool {
        let operation = ScriptedTransport.operation(of: request)
        guard let method else { return operation == text }
        // A request that names its operation (target, Action) is not a rest-json route.
        guard request.method == method, operation == "\(request.method) \(request.path)" else { return false }
        let path = request.path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment.hasPrefix("{"), segment.hasSuffix("+}") { return path.count > index }
            guard index < path.count else { return false }
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                if path[index].isEmpty { return false }
                continue
            }
            if segment != path[index] { return false }
        }
        return path.count == segments.count
    }
}

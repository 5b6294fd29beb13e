/// One AWS service's facts, declared once as a value by the service's own module
/// (`ServiceDescriptor.lambda` in AWSLambda, …) and read by AWSCore, which names no service:
/// the endpoint resolver, the client (protocol, signing) and retry classification work from it.
package struct ServiceDescriptor: Sendable, Equatable, CustomStringConvertible {
    /// The name on lambdactl's command line (`lambdactl request NAME`), e.g. `logs`.
    package var name: String
    /// Other names the command line accepts for it (`apigatewayv2`).
    package var aliases: [String]
    /// The service name in the SigV4 credential scope.
    package var signingName: String
    /// The first label(s) of the default host name, `{prefix}.{region}.{dnsSuffix}`.
    package var endpointPrefix: String
    /// The suffix of `AWS_ENDPOINT_URL_<SUFFIX>` (the SDK service id, upper snake case).
    package var environmentSuffix: String
    /// The key of this service's sub-section in a `[services NAME]` section (lower snake case).
    package var servicesSectionKey: String
    /// How requests, answers and errors look on the wire.
    package var wireProtocol: AWSProtocol
    /// Regional or one endpoint per partition.
    package var endpointRule: EndpointRule
    /// How SigV4 encodes its paths and whether it signs the payload hash header.
    package var signing: SigningRules
    /// Error codes this service uses for throttling, on top of the SDKs' standard set
    /// (`RetryPolicy.throttlingCodes`).
    package var throttlingCodes: Set<String>

    /// Creates a descriptor; the `[services]` key defaults to the lower-cased environment suffix.
    package init(
        name: String, aliases: [String] = [], signingName: String, endpointPrefix: String,
        environmentSuffix: String, servicesSectionKey: String? = nil, wireProtocol: AWSProtocol,
        endpointRule: EndpointRule = .regional, signing: SigningRules = .standard, throttlingCodes: Set<String> = []
    ) {
        self.name = name
        self.aliases = aliases
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.environmentSuffix = environmentSuffix
        self.servicesSectionKey = servicesSectionKey ?? environmentSuffix.lowercased()
        self.wireProtocol = wireProtocol
        self.endpointRule = endpointRule
        self.signing = signing
        self.throttlingCodes = throttlingCodes
    }

    package var description: String { name }

    /// True when `text` is this service's name or one of its aliases (case-insensitive).
    package func isNamed(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower == name || aliases.contains(lower)
    }

    /// The region requests to this service are signed for.
    package func signingRegion(in partition: Partition, region: String) -> String {
        switch endpointRule {
        case .regional: return region
        case .global: return partition.globalRegion
        }
    }

    /// The default host in `partition` for `region`, when no endpoint URL is configured.
    package func defaultHost(in partition: Partition, region: String) -> String {
        switch endpointRule {
        case .regional:
            return "\(endpointPrefix).\(region).\(partition.dnsSuffix)"
        case .global(let hosts):
            return hosts[partition.name] ?? "\(endpointPrefix).\(partition.globalRegion).\(partition.dnsSuffix)"
        }
    }
}

/// Where a service's endpoints are, per the SDKs' endpoint rules.
package enum EndpointRule: Sendable, Equatable {
    /// One endpoint per region: `{prefix}.{region}.{dnsSuffix}`, signed for that region.
    case regional
    /// One endpoint per partition, signed for the partition's global region: the host named for
    /// the partition (by `Partition.name`), else `{prefix}.{globalRegion}.{dnsSuffix}`.
    case global(hosts: [String: String])
}

import Foundation

/// Decides where each service's requests go and how they are signed.
/// Order: the explicit endpoint URL > `AWS_ENDPOINT_URL_<SERVICE>` > `AWS_ENDPOINT_URL` > the profile's
/// `[services]` sub-section `endpoint_url` > the profile's `endpoint_url` > the partition default.
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the profile key) keeps only the explicit one.
/// See AWS SDKs and Tools Reference Guide, "Service-specific endpoints".
package struct ServiceEndpointResolver: Sendable {
    /// The explicit endpoint URL (the CLI's option), applied to every service.
    package var explicitEndpointURL: String?
    /// The process environment.
    package var environment: EnvironmentSnapshot
    /// The active profile, if any.
    package var profile: ConfigSection?
    /// The shared config, for `[services NAME]` sections.
    package var config: SharedConfig

    /// Creates a resolver.
    package init(
        explicitEndpointURL: String? = nil, environment: EnvironmentSnapshot, profile: ConfigSection? = nil,
        config: SharedConfig = .empty
    ) {
        self.explicitEndpointURL = explicitEndpointURL
        self.environment = environment
        self.profile = profile
        self.config = config
    }

    /// The endpoint of `service` in `region`. Without a configured endpoint URL, a region that
    /// is in no partition (`Partition.all`) is a configuration error, before any request.
    package func endpoint(for service: ServiceDescriptor, region: String) throws -> ServiceEndpoint {
        if let (text, origin) = configuredURL(for: service) {
            let signingRegion = service.signingRegion(in: Partition(region: region), region: region)
            return try Self.custom(text, origin: origin, signingRegion: signingRegion, signingName: service.signingName)
        }
        guard let partition = Partition.containing(region) else {
            throw ConfigurationError(.unknownRegion(region))
        }
        return ServiceEndpoint(
            host: service.defaultHost(in: partition, region: region),
            signingRegion: service.signingRegion(in: partition, region: region), signingName: service.signingName)
    }

    /// The configured URL that applies, and where it came from (for error messages).
    func configuredURL(for service: ServiceDescriptor) -> (String, EndpointURLOrigin)? {
        if let explicitEndpointURL { return (explicitEndpointURL, .explicit) }
        if isTrue(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])
            || (environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] == nil
                && isTrue(profile?["ignore_configured_endpoint_urls"]))
        {
            return nil
        }
        let serviceVariable = "AWS_ENDPOINT_URL_\(service.environmentSuffix)"
        if let value = environment[serviceVariable] { return (value, .described(serviceVariable)) }
        if let value = environment["AWS_ENDPOINT_URL"] { return (value, .described("AWS_ENDPOINT_URL")) }
        let profileName = profile?.name ?? ""
        if let value = config.serviceSettings(for: profile, serviceKey: service.servicesSectionKey)?["endpoint_url"],
            !value.isEmpty
        {
            return (
                value, .described("endpoint_url for \(service.servicesSectionKey) in the services of profile '\(profileName)'")
            )
        }
        if let value = profile?["endpoint_url"] { return (value, .described("endpoint_url in profile '\(profileName)'")) }
        return nil
    }

    /// Parses a custom endpoint URL, keeping its port and path prefix.
    static func custom(_ text: String, origin: EndpointURLOrigin, signingRegion: String, signingName: String) throws
        -> ServiceEndpoint
    {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            throw ConfigurationError(.notAnEndpointURL(text, origin: origin))
        }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        return ServiceEndpoint(
            scheme: scheme, host: host, port: port, basePath: basePath, signingRegion: signingRegion,
            signingName: signingName)
    }
}

/// Where a configured endpoint URL came from, for messages.
package enum EndpointURLOrigin: Sendable, Equatable {
    /// The explicit endpoint URL (`ExplicitSetting.endpointURL`).
    case explicit
    /// A variable or a shared-config key, as the message shows it (`AWS_ENDPOINT_URL_LAMBDA`).
    case described(String)

    /// The origin as `naming` words it.
    package func text(_ naming: some SettingNaming) -> String {
        switch self {
        case .explicit: naming.name(.endpointURL)
        case .described(let text): text
        }
    }
}

/// An AWS partition: its DNS suffix, the region global services sign for, and its regions
/// (`Partition.all`, generated from botocore's partitions.json by `Scripts/gen-partitions.py`).
package struct Partition: Sendable, Equatable {
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    package var name: String
    /// The DNS suffix of its endpoints.
    package var dnsSuffix: String
    /// The region global services are signed for (`EndpointRule.global`).
    package var globalRegion: String
    /// Its regions, as of `Partition.tableSource`.
    package var regions: [String]

    /// Creates a partition.
    package init(name: String, dnsSuffix: String, globalRegion: String, regions: [String]) {
        self.name = name
        self.dnsSuffix = dnsSuffix
        self.globalRegion = globalRegion
        self.regions = regions
    }

    /// The partition whose region list has `region`; nil for a region in none.
    package static func containing(_ region: String) -> Partition? {
        all.first { $0.regions.contains(region) }
    }

    /// The partition `region` belongs to; a region in no partition (only possible with a custom
    /// endpoint URL) is taken by its prefix (`cn-` → aws-cn, `us-gov-` → aws-us-gov, else aws).
    package init(region: String) {
        if let known = Self.containing(region) {
            self = known
            return
        }
        let name = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
        self = Self.all.first { $0.name == name } ?? Self.all[0]
    }
}

import AWSCore
import AWSTestSupport
import Testing

@Suite("Service endpoint resolution")
struct ServiceEndpointResolverTests {
    struct DefaultCase: Sendable, CustomTestStringConvertible {
        var service: ServiceDescriptor
        var region: String
        var host: String
        var signingRegion: String
        var signingName: String
        var testDescription: String { "\(service) in \(region) → \(host)" }
    }

    static let defaults: [DefaultCase] = [
        DefaultCase(service: .lambda, region: "eu-west-1", host: "lambda.eu-west-1.amazonaws.com",
                    signingRegion: "eu-west-1", signingName: "lambda"),
        DefaultCase(service: .logs, region: "us-east-2", host: "logs.us-east-2.amazonaws.com",
                    signingRegion: "us-east-2", signingName: "logs"),
        DefaultCase(service: .apigateway, region: "ap-southeast-2", host: "apigateway.ap-southeast-2.amazonaws.com",
                    signingRegion: "ap-southeast-2", signingName: "apigateway"),
        DefaultCase(service: .sts, region: "eu-central-1", host: "sts.eu-central-1.amazonaws.com",
                    signingRegion: "eu-central-1", signingName: "sts"),
        DefaultCase(service: .s3, region: "us-west-2", host: "s3.us-west-2.amazonaws.com",
                    signingRegion: "us-west-2", signingName: "s3"),
        DefaultCase(service: .iam, region: "eu-west-1", host: "iam.amazonaws.com",
                    signingRegion: "us-east-1", signingName: "iam"),
        DefaultCase(service: .iam, region: "cn-northwest-1", host: "iam.cn-north-1.amazonaws.com.cn",
                    signingRegion: "cn-north-1", signingName: "iam"),
        DefaultCase(service: .iam, region: "us-gov-east-1", host: "iam.us-gov.amazonaws.com",
                    signingRegion: "us-gov-west-1", signingName: "iam"),
        DefaultCase(service: .lambda, region: "cn-north-1", host: "lambda.cn-north-1.amazonaws.com.cn",
                    signingRegion: "cn-north-1", signingName: "lambda"),
        DefaultCase(service: .lambda, region: "us-gov-west-1", host: "lambda.us-gov-west-1.amazonaws.com",
                    signingRegion: "us-gov-west-1", signingName: "lambda"),
        DefaultCase(service: .sso, region: "us-east-1", host: "portal.sso.us-east-1.amazonaws.com",
                    signingRegion: "us-east-1", signingName: "awsssoportal"),
    ]

    @Test("the partition default host and signing scope", arguments: defaults)
    func defaultEndpoint(_ example: DefaultCase) throws {
        let resolver = ServiceEndpointResolver(environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"))
        let endpoint = try resolver.endpoint(for: example.service, region: example.region)
        #expect(endpoint.scheme == "https")
        #expect(endpoint.host == example.host)
        #expect(endpoint.port == nil)
        #expect(endpoint.signingRegion == example.signingRegion)
        #expect(endpoint.signingName == example.signingName)
    }

    struct PrecedenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var explicit: String?
        var variables: [String: String]
        var expected: String
        var testDescription: String { name }
    }

    static let allSources: [String: String] = [
        "AWS_ENDPOINT_URL_LAMBDA": "http://env-lambda:1", "AWS_ENDPOINT_URL": "http://env-global:2",
    ]

    static let precedence: [PrecedenceCase] = [
        PrecedenceCase(name: "--endpoint-url wins", explicit: "http://cli:9", variables: allSources,
                       expected: "http://cli:9"),
        PrecedenceCase(name: "service variable next", explicit: nil, variables: allSources,
                       expected: "http://env-lambda:1"),
        PrecedenceCase(name: "global variable next", explicit: nil, variables: ["AWS_ENDPOINT_URL": "http://env-global:2"],
                       expected: "http://env-global:2"),
        PrecedenceCase(name: "services section next", explicit: nil, variables: [:],
                       expected: "http://services-lambda:3/prefix"),
        PrecedenceCase(name: "ignore flag drops configured URLs", explicit: nil,
                       variables: allSources.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"]) { $1 },
                       expected: "https://lambda.eu-west-1.amazonaws.com"),
        PrecedenceCase(name: "ignore flag keeps --endpoint-url", explicit: "http://cli:9",
                       variables: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], expected: "http://cli:9"),
    ]

    static let config = """
        [profile dev]
        endpoint_url = http://profile:4
        services = local
        [profile plain]
        endpoint_url = https://profile-only:443/base/
        [services local]
        lambda =
          endpoint_url = http://services-lambda:3/prefix
        """

    @Test("--endpoint-url > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > [services] > profile", arguments: precedence)
    func precedenceOrder(_ example: PrecedenceCase) throws {
        let config = try sharedConfig(config: Self.config)
        let resolver = ServiceEndpointResolver(
            explicitEndpointURL: example.explicit,
            environment: EnvironmentSnapshot(variables: example.variables, homeDirectory: "/"),
            profile: config.profile("dev"), config: config)
        #expect(try resolver.endpoint(for: .lambda, region: "eu-west-1").urlString == example.expected)
    }

    @Test("a profile endpoint_url applies to services without their own; the path prefix is kept, default port dropped")
    func profileEndpoint() throws {
        let config = try sharedConfig(config: Self.config)
        let resolver = ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), profile: config.profile("plain"),
            config: config)
        let endpoint = try resolver.endpoint(for: .logs, region: "eu-west-1")
        #expect(endpoint.host == "profile-only")
        #expect(endpoint.port == nil)
        #expect(endpoint.basePath == "/base")
        #expect(endpoint.signingRegion == "eu-west-1")
        let devIAM = try ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"), profile: config.profile("dev"),
            config: config
        ).endpoint(for: .iam, region: "eu-west-1")
        #expect(devIAM.urlString == "http://profile:4")
        #expect(devIAM.signingRegion == "us-east-1")
    }

    @Test("each service reads its own AWS_ENDPOINT_URL_ variable", arguments: ServiceDescriptor.testServices)
    func serviceVariables(_ service: ServiceDescriptor) throws {
        let variable = "AWS_ENDPOINT_URL_\(service.environmentSuffix)"
        let resolver = ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: [variable: "http://127.0.0.1:5000"], homeDirectory: "/"))
        let endpoint = try resolver.endpoint(for: service, region: "us-east-1")
        #expect(endpoint.host == "127.0.0.1")
        #expect(endpoint.port == 5000)
        #expect(endpoint.scheme == "http")
    }

    @Test("a custom endpoint that is not an http(s) URL is a configuration error naming its source")
    func invalidURL() {
        let resolver = ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: ["AWS_ENDPOINT_URL": "ftp://x"], homeDirectory: "/"))
        #expect {
            try resolver.endpoint(for: .lambda, region: "us-east-1")
        } throws: { error in
            "\(error)".hasPrefix("AWS_ENDPOINT_URL is 'ftp://x'") && (error as? ConfigurationError) != nil
        }
    }
}

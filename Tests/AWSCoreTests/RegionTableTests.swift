import AWSTestSupport
import Foundation
import Testing
@testable import AWSCore

@Suite("Regions of each partition")
struct RegionTableTests {
    let environment = EnvironmentSnapshot(variables: [:], homeDirectory: "/")

    @Test("a region in no partition is a configuration error before any call, saying what to check")
    func unknownRegion() {
        let resolver = ServiceEndpointResolver(environment: environment)
        for service in [ServiceDescriptor.lambda, .iam, .sts, .logs] {
            let error = #expect(throws: ConfigurationError.self) { try resolver.endpoint(for: service, region: "us-east-99") }
            #expect(error?.problem == .unknownRegion("us-east-99"))
            #expect(error?.message(FlagNaming()) == "no such region 'us-east-99' (check --region / AWS_REGION)")
            #expect(error?.category == .configuration)
        }
    }

    @Test("an explicit or configured endpoint URL skips the region check")
    func endpointURLSkipsCheck() throws {
        let explicit = ServiceEndpointResolver(explicitEndpointURL: "http://127.0.0.1:5000", environment: environment)
        #expect(try explicit.endpoint(for: .lambda, region: "us-east-99").host == "127.0.0.1")
        let configured = ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"], homeDirectory: "/"))
        #expect(try configured.endpoint(for: .iam, region: "local-1").signingRegion == "us-east-1")
    }

    @Test("every partition's regions resolve; the table says where it comes from")
    func table() throws {
        let resolver = ServiceEndpointResolver(environment: environment)
        #expect(Partition.tableSource.hasPrefix("botocore "))
        #expect(Set(Partition.all.map(\.name)).isSuperset(of: ["aws", "aws-cn", "aws-us-gov"]))
        for partition in Partition.all {
            for region in partition.regions {
                #expect(try resolver.endpoint(for: .lambda, region: region).host == "lambda.\(region).\(partition.dnsSuffix)")
            }
        }
        #expect(Partition.containing("eu-south-2")?.name == "aws")
        #expect(Partition.containing("cn-northwest-1")?.name == "aws-cn")
        #expect(Partition.containing("us-east-99") == nil)
    }

    @Test("a known region whose host cannot be resolved stays a network failure (exit 5), through the transport")
    func resolverFailureIsNetwork() async throws {
        let endpoint = try ServiceEndpointResolver(environment: environment).endpoint(for: .lambda, region: "eu-west-1")
        let transport = ScriptedTransport(sequence: Array(repeating: .fail(URLSessionTransport.map(URLError(.cannotFindHost))), count: 3))
        let context = ClientContext(
            transport: transport, credentials: StaticCredentials(), retryPolicy: RetryPolicy(maxAttempts: 3),
            time: ManualClock().timeSource, jitter: { 0 })
        let client = AWSClient(context: context, endpoint: endpoint, serviceProtocol: .restJSON)
        let error = await #expect(throws: AWSTransportFailure.self) {
            try await client.send(AWSOperation(name: "GetFunction", method: "GET", path: "/2015-03-31/functions/f"))
        }
        #expect(error?.category == .unavailable)
        #expect(error?.description.contains("check the network") == true)
        guard case .cannotConnect = URLSessionTransport.map(URLError(.cannotFindHost)) else {
            Issue.record("a host that cannot be found is a connection failure")
            return
        }
    }
}

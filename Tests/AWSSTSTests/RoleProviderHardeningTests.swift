import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSSTS

@Suite("Role providers: missing sources, disabled IMDS, unreachable STS (issue 18)")
struct RoleProviderHardeningTests {
    @Test("a missing source_profile names the profile that points at it")
    func missingSourceProfile() throws {
        let config = try sharedConfig(config: "[profile deployer]\nrole_arn = arn:aws:iam::1:role/d\nsource_profile = base\n")
        #expect {
            try ProfileCredentialResolver(dependencies: roleDependencies(config)).provider(forProfile: "deployer")
        } throws: { error in
            "\(error)".hasPrefix("profile:deployer: source_profile 'base' names a profile that does not exist in ~/.aws/config or ~/.aws/credentials")
        }
    }

    @Test("credential_source = Ec2InstanceMetadata with AWS_EC2_METADATA_DISABLED says so")
    func ec2SourceDisabled() throws {
        let config = try sharedConfig(config: "[profile ec2]\nrole_arn = arn:aws:iam::1:role/d\ncredential_source = Ec2InstanceMetadata\n")
        let environment = EnvironmentSnapshot(variables: ["AWS_EC2_METADATA_DISABLED": "true"], homeDirectory: "/")
        #expect {
            try ProfileCredentialResolver(dependencies: roleDependencies(config, environment: environment)).provider(forProfile: "ec2")
        } throws: { error in
            "\(error)".contains("credential_source = Ec2InstanceMetadata, but AWS_EC2_METADATA_DISABLED is set")
        }
    }

    @Test("an unreachable STS is a configuration error naming the provider and AWS_ENDPOINT_URL_STS")
    func unreachableSTS() async throws {
        let config = try sharedConfig(
            config: "[profile d]\nrole_arn = arn:aws:iam::1:role/d\nsource_profile = b\n[profile b]\naws_access_key_id = A\naws_secret_access_key = S\n")
        let provider = try #require(
            try ProfileCredentialResolver(dependencies: roleDependencies(config, roleAssumer: UnreachableSTS())).provider(forProfile: "d"))
        await #expect {
            try await provider.credentials()
        } throws: { error in
            (error as? CredentialsError)?.category == .configuration
                && "\(error)".hasPrefix("profile:d (assume-role): cannot reach STS at https://sts.eu-west-1.amazonaws.com (timed out): check AWS_ENDPOINT_URL_STS")
        }
    }
}

import AWSCore
import AWSTestSupport
import Foundation
@testable import AWSSTS

/// Records STS calls and answers with fixed credentials.
actor FakeRoleAssumer: RoleAssuming {
    struct Call: Equatable {
        var request: AssumeRoleRequest
        var sourceKeyID: String
        var region: String
    }
    private(set) var calls: [Call] = []
    private(set) var webCalls: [WebIdentityRequest] = []

    func assumeRole(_ request: AssumeRoleRequest, using source: Credentials, region: String) async throws -> Credentials {
        calls.append(Call(request: request, sourceKeyID: source.accessKeyID, region: region))
        return Credentials(
            accessKeyID: "ASIA-\(request.roleARN.split(separator: "/").last ?? "")", secretAccessKey: "s",
            sessionToken: "t", expiration: Date(timeIntervalSince1970: 2_000_000_000), source: "sts")
    }

    func assumeRoleWithWebIdentity(_ request: WebIdentityRequest, region: String) async throws -> Credentials {
        webCalls.append(request)
        return Credentials(accessKeyID: "ASIAWEB", secretAccessKey: "s", sessionToken: "t", source: "sts")
    }
}

/// An STS that cannot be reached.
struct UnreachableSTS: RoleAssuming {
    func assumeRole(_ request: AssumeRoleRequest, using source: Credentials, region: String) async throws -> Credentials {
        throw AWSTransportFailure(underlying: .timedOut, operation: "AssumeRole", endpoint: "https://sts.\(region).amazonaws.com", attempts: 3)
    }

    func assumeRoleWithWebIdentity(_ request: WebIdentityRequest, region: String) async throws -> Credentials {
        throw AWSTransportFailure(underlying: .timedOut, operation: "AssumeRoleWithWebIdentity", endpoint: "https://sts", attempts: 3)
    }
}

/// Credential dependencies with the role factory over `roleAssumer` (a fake STS unless given).
func roleDependencies(
    _ config: SharedConfig,
    environment: EnvironmentSnapshot = EnvironmentSnapshot(variables: [:], homeDirectory: "/nonexistent"),
    transport: any HTTPTransport = ScriptedTransport.unreachable(), roleAssumer: any RoleAssuming = FakeRoleAssumer(),
    region: String? = "eu-west-1"
) -> CredentialDependencies {
    credentialDependencies(
        config, environment: environment, transport: transport,
        factories: [RoleCredentialFactory(roleAssumer: roleAssumer)], region: region)
}

import AWSCore
import Testing
@testable import AWSSSO

@Suite("IAM Identity Center descriptors")
struct SSODescriptorTests {
    @Test("the portal and OIDC endpoints are regional, signed as awsssoportal and sso-oauth")
    func defaults() throws {
        let resolver = ServiceEndpointResolver(environment: EnvironmentSnapshot(variables: [:], homeDirectory: "/"))
        let portal = try resolver.endpoint(for: .sso, region: "eu-west-1")
        #expect(portal.host == "portal.sso.eu-west-1.amazonaws.com" && portal.signingName == "awsssoportal")
        let oidc = try resolver.endpoint(for: .ssoOIDC, region: "eu-west-1")
        #expect(oidc.host == "oidc.eu-west-1.amazonaws.com" && oidc.signingName == "sso-oauth")
    }

    @Test("AWS_ENDPOINT_URL_SSO_OIDC moves only the OIDC endpoint")
    func oidcOverride() throws {
        let resolver = ServiceEndpointResolver(
            environment: EnvironmentSnapshot(variables: ["AWS_ENDPOINT_URL_SSO_OIDC": "http://127.0.0.1:7001"], homeDirectory: "/"))
        #expect(try resolver.endpoint(for: .ssoOIDC, region: "us-east-1").urlString == "http://127.0.0.1:7001")
        #expect(try resolver.endpoint(for: .sso, region: "us-east-1").host == "portal.sso.us-east-1.amazonaws.com")
    }
}

import AWSCore

/// The IAM Identity Center descriptors the SSO credential provider calls. The composition
/// root's registry does not list them (`request` cannot call them).
extension ServiceDescriptor {
    /// The IAM Identity Center portal (credential exchange only, unsigned).
    package static let sso = ServiceDescriptor(
        name: "sso", signingName: "awsssoportal", endpointPrefix: "portal.sso", environmentSuffix: "SSO",
        wireProtocol: .restJSON)

    /// IAM Identity Center OIDC (`CreateToken`, to refresh an expired SSO access token; unsigned).
    package static let ssoOIDC = ServiceDescriptor(
        name: "sso-oidc", signingName: "sso-oauth", endpointPrefix: "oidc", environmentSuffix: "SSO_OIDC",
        wireProtocol: .restJSON)
}

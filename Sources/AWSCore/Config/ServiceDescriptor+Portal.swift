extension ServiceDescriptor {
    /// The IAM Identity Center portal (credential exchange only, unsigned). The one descriptor
    /// still declared in AWSCore: the SSO credential provider that needs it lives in
    /// `AWSCore/Credentials` until it moves to its own module (issue 9, left for later), and the
    /// composition root's registry does not list it (`request` cannot call the portal).
    public static let sso = ServiceDescriptor(
        name: "sso", signingName: "awsssoportal", endpointPrefix: "portal.sso", environmentSuffix: "SSO",
        wireProtocol: .restJSON)
}

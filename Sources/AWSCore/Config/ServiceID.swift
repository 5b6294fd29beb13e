/// The services lambdactl resolves endpoints for, with the names AWS gives them in each place.
public enum ServiceID: String, CaseIterable, Sendable {
    case lambda, iam, logs, apigateway, sts, s3
    /// The IAM Identity Center portal (credential exchange only, unsigned).
    case sso
    /// IAM Identity Center OIDC (`CreateToken`, to refresh an expired SSO access token; unsigned).
    case ssoOIDC = "sso-oidc"

    /// The suffix of `AWS_ENDPOINT_URL_<SUFFIX>` (the SDK service id, upper snake case).
    public var environmentSuffix: String {
        switch self {
        case .lambda: return "LAMBDA"
        case .iam: return "IAM"
        case .logs: return "CLOUDWATCH_LOGS"
        case .apigateway: return "APIGATEWAYV2"
        case .sts: return "STS"
        case .s3: return "S3"
        case .sso: return "SSO"
        case .ssoOIDC: return "SSO_OIDC"
        }
    }

    /// The key of this service's sub-section in a `[services NAME]` section (lower snake case).
    public var servicesSectionKey: String { environmentSuffix.lowercased() }

    /// The service name in the SigV4 credential scope.
    public var signingName: String {
        switch self {
        case .sso: return "awsssoportal"
        case .ssoOIDC: return "sso-oauth"
        default: return rawValue
        }
    }

    /// The first label(s) of the default host name, `{prefix}.{region}.{dnsSuffix}`.
    public var endpointPrefix: String {
        switch self {
        case .sso: return "portal.sso"
        case .ssoOIDC: return "oidc"
        default: return rawValue
        }
    }
}

import AWSCore

/// Descriptors with the facts of the services lambdactl calls, so AWSCore's resolver is tested
/// without importing any service module (the modules' own descriptors are checked against the
/// same facts in LambdaCtlTests' `ServiceRegistryTests`).
extension ServiceDescriptor {
    static let lambda = ServiceDescriptor(
        name: "lambda", signingName: "lambda", endpointPrefix: "lambda", environmentSuffix: "LAMBDA",
        wireProtocol: .restJSON)
    static let iam = ServiceDescriptor(
        name: "iam", signingName: "iam", endpointPrefix: "iam", environmentSuffix: "IAM",
        wireProtocol: .query(version: "2010-05-08"),
        endpointRule: .global(hosts: [
            "aws": "iam.amazonaws.com", "aws-cn": "iam.cn-north-1.amazonaws.com.cn",
            "aws-us-gov": "iam.us-gov.amazonaws.com",
        ]))
    static let logs = ServiceDescriptor(
        name: "logs", signingName: "logs", endpointPrefix: "logs", environmentSuffix: "CLOUDWATCH_LOGS",
        wireProtocol: .json11(targetPrefix: "Logs_20140328"))
    static let apigateway = ServiceDescriptor(
        name: "apigateway", aliases: ["apigatewayv2"], signingName: "apigateway", endpointPrefix: "apigateway",
        environmentSuffix: "APIGATEWAYV2", wireProtocol: .restJSON)
    static let sts = ServiceDescriptor(
        name: "sts", signingName: "sts", endpointPrefix: "sts", environmentSuffix: "STS",
        wireProtocol: .query(version: "2011-06-15"))
    static let s3 = ServiceDescriptor(
        name: "s3", signingName: "s3", endpointPrefix: "s3", environmentSuffix: "S3", wireProtocol: .restXML,
        signing: .literalPath)
    static let sso = ServiceDescriptor(
        name: "sso", signingName: "awsssoportal", endpointPrefix: "portal.sso", environmentSuffix: "SSO",
        wireProtocol: .restJSON)
    static let ssoOIDC = ServiceDescriptor(
        name: "sso-oidc", signingName: "sso-oauth", endpointPrefix: "oidc", environmentSuffix: "SSO_OIDC",
        wireProtocol: .restJSON)

    /// Every service above, the SSO portal and SSO OIDC (what `ServiceID.allCases` was).
    static let testServices: [ServiceDescriptor] = [.lambda, .iam, .logs, .apigateway, .sts, .s3, .sso, .ssoOIDC]
}

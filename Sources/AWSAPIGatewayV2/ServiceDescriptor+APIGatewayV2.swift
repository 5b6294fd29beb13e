import AWSCore

extension ServiceDescriptor {
    /// Amazon API Gateway v2 (HTTP APIs): rest-json, regional; `request` also takes `apigatewayv2`.
    package static let apiGatewayV2 = ServiceDescriptor(
        name: "apigateway", aliases: ["apigatewayv2"], signingName: "apigateway", endpointPrefix: "apigateway",
        environmentSuffix: "APIGATEWAYV2", wireProtocol: .restJSON, throttlingCodes: ["TooManyRequestsException"])
}

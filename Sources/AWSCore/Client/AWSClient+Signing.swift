import Foundation
import SigV4

extension AWSClient {
    /// The SigV4 configuration for this client's endpoint and its service's signing rules.
    var signingConfig: SigningConfig {
        SigningConfig(
            region: endpoint.signingRegion, service: endpoint.signingName, doubleURIEncode: signing.doubleURIEncode,
            normalizePath: signing.normalizePath, signBodyHeader: signing.signPayloadHashHeader)
    }

    /// `request` with the SigV4 headers added for `date`.
    func sign(_ request: HTTPRequest, credentials: Credentials, date: Date) -> HTTPRequest {
        let signer = Signer(
            credentials: SigningCredentials(
                accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken),
            config: signingConfig, cache: signingKeys)
        var signed = request
        for field in signer.signingHeaders(for: Self.signable(request), date: date) {
            signed.headers.set(field.name, field.value)
        }
        return signed
    }

    /// The canonical request, string to sign and Authorization header, for `request --dry-run`.
    package func signingStages(
        for operation: AWSOperation, credentials: Credentials, date: Date
    ) -> (canonicalRequest: String, stringToSign: String, authorization: String) {
        var request = HTTPRequest(
            method: operation.method, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: endpoint.basePath + operation.path, query: operation.query, headers: operation.headers,
            body: operation.body)
        request.headers.set("Host", request.hostHeader)
        let signer = Signer(
            credentials: SigningCredentials(
                accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken),
            config: signingConfig)
        let stages = signer.stages(for: Self.signable(request), date: date)
        return (stages.canonical.text, stages.stringToSign.text, stages.authorization)
    }

    /// The headers that are signed: everything we set but `User-Agent` and `Content-Length`,
    /// which proxies and transports may rewrite.
    static func signable(_ request: HTTPRequest) -> SignableRequest {
        let headers = request.headers.fields.filter {
            let name = $0.name.lowercased()
            return name != "user-agent" && name != "content-length"
        }
        return SignableRequest(
            method: request.method, path: request.path,
            query: request.query.map { (name: $0.name, value: $0.value) },
            headers: headers.map { (name: $0.name, value: $0.value) },
            payloadHash: payloadHash(of: request.body))
    }

    /// Lower-case hex SHA-256 of the body.
    static func payloadHash(of body: HTTPBody) -> String {
        switch body {
        case .empty: return PayloadHash.empty
        case .data(let data): return PayloadHash.sha256Hex(data)
        case .file(_, _, let sha256Hex): return sha256Hex
        }
    }
}

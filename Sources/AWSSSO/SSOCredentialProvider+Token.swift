import AWSCore
import Foundation

extension SSOCredentialProvider {
    /// The access token from the cache file; an expired one is refreshed with its `refreshToken`
    /// (and the file rewritten) when the cached client registration allows, else an error that
    /// tells the user to log in.
    func accessToken() async throws -> String {
        guard let data = files.contents(at: cachePath) else {
            throw CredentialsError.failed(provider: name, message: "no cached SSO token: \(loginHint)")
        }
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let token = object["accessToken"] as? String, let expiresText = object["expiresAt"] as? String
        else {
            throw CredentialsError.failed(provider: name, message: "the cached SSO token is unreadable: \(loginHint)")
        }
        let now = time.now()
        if let expiresAt = CredentialDocument.date(expiresText), expiresAt > now { return token }
        guard let refreshToken = object["refreshToken"] as? String, let clientID = object["clientId"] as? String,
            let clientSecret = object["clientSecret"] as? String,
            (object["registrationExpiresAt"] as? String).flatMap(CredentialDocument.date).map({ $0 > now }) ?? true
        else {
            throw CredentialsError.failed(provider: name, message: "the SSO token has expired: \(loginHint)")
        }
        let fresh = try await createToken(clientID: clientID, clientSecret: clientSecret, refreshToken: refreshToken)
        object["accessToken"] = fresh.accessToken
        object["expiresAt"] = ISO8601DateFormatter().string(from: now.addingTimeInterval(fresh.expiresIn))
        if let next = fresh.refreshToken { object["refreshToken"] = next }
        writeCache(object)
        return fresh.accessToken
    }

    /// What `CreateToken` answered.
    struct RefreshedToken {
        var accessToken: String
        var expiresIn: TimeInterval
        var refreshToken: String?
    }

    /// `POST /token` with `grantType: refresh_token` (unsigned JSON).
    func createToken(clientID: String, clientSecret: String, refreshToken: String) async throws -> RefreshedToken {
        let body = try JSONSerialization.data(
            withJSONObject: [
                "clientId": clientID, "clientSecret": clientSecret, "grantType": "refresh_token",
                "refreshToken": refreshToken,
            ], options: [.sortedKeys])
        var request = HTTPRequest(
            method: "POST", scheme: oidcEndpoint.scheme, host: oidcEndpoint.host, port: oidcEndpoint.port,
            path: oidcEndpoint.basePath + "/token", body: .data(body))
        request.headers.set("Content-Type", "application/json")
        let failure = { (why: String) in
            CredentialsError.failed(
                provider: self.name,
                message: "the SSO token has expired and refreshing it at \(self.oidcEndpoint.urlString) failed (\(why)): \(self.loginHint)")
        }
        let response: HTTPResponse
        do {
            response = try await MetadataFetch.send(
                request, via: transport, timeout: .seconds(10), attempts: 1, provider: name + " sso-oidc", debug: debug)
        } catch let error as TransportError {
            throw failure("\(error.reason); check AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL")
        }
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.status == 200 else {
            let code = response.headers["x-amzn-ErrorType"].map { String($0.split(separator: ":")[0]) }
                ?? (object?["error"] as? String)
            throw failure("HTTP \(response.status)\(code.map { " \($0)" } ?? "")")
        }
        guard let accessToken = object?["accessToken"] as? String, let expiresIn = object?["expiresIn"] as? NSNumber else {
            throw failure("the answer has no accessToken or expiresIn")
        }
        return RefreshedToken(
            accessToken: accessToken, expiresIn: expiresIn.doubleValue, refreshToken: object?["refreshToken"] as? String)
    }

    /// Rewrites the cache file (mode 0600) so the next run starts from the refreshed token;
    /// a failure to write only costs another refresh next time.
    func writeCache(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        _ = files.replaceOwnerOnly(cachePath, with: data)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The product transport: Foundation's URLSession (libcurl on Linux), which honours
/// `HTTPS_PROXY`/`NO_PROXY` and streams file uploads from disk.
package final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with no cache, no cookies and the given connect/idle timeout.
    package init(idleTimeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = idleTimeout
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    package func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        guard let url = URL(string: request.urlString) else {
            throw TransportError.other("not a valid URL: \(request.urlString)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var joined: [(String, String)] = []
        for field in request.headers where field.name.lowercased() != "host" {
            if let index = joined.firstIndex(where: { $0.0.lowercased() == field.name.lowercased() }) {
                joined[index].1 += "," + field.value
            } else {
                joined.append((field.name, field.value))
            }
        }
        for (name, value) in joined { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // An empty Content-Type keeps URLSession from inventing one for unsigned bodies.
        if request.body != .empty, request.headers["Content-Type"] == nil {
            urlRequest.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        }
        do {
            let (data, response): (Data, URLResponse)
            switch request.body {
            case .empty:
                (data, response) = try await session.data(for: urlRequest)
            case .data(let body):
                urlRequest.httpBody = body
                (data, response) = try await session.data(for: urlRequest)
            case .file(let path, _, _):
                (data, response) = try await session.upload(for: urlRequest, fromFile: URL(fileURLWithPath: path))
            }
            guard let http = response as? HTTPURLResponse else {
                throw TransportError.other("not an HTTP answer")
            }
            var headers = HTTPHeaders()
            for (key, value) in http.allHeaderFields {
                if let name = key as? String, let value = value as? String { headers.add(name, value) }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as TransportError {
            throw error
        } catch let error as URLError {
            throw Self.map(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TransportError.other(String(describing: error))
        }
    }

    /// URLSession's errors in transport terms.
    static func map(_ error: URLError) -> TransportError {
        switch error.code {
        case .timedOut:
            return .timedOut
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .secureConnectionFailed,
            .serverCertificateUntrusted, .serverCertificateHasBadDate, .notConnectedToInternet:
            return .cannotConnect(error.localizedDescription)
        case .networkConnectionLost, .badServerResponse, .zeroByteResource:
            return .connectionLost(error.localizedDescription)
        case .cancelled:
            return .other("cancelled")
        default:
            return .other(error.localizedDescription)
        }
    }
}

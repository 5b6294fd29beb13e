import AWSAPIGatewayV2
import AWSCloudWatchLogs
import AWSCore
import Deployment
import Foundation

extension AppEnvironment {
    /// The CloudWatch Logs client.
    func logs() throws -> LogsClient {
        LogsClient(client: try client(.logs))
    }

    /// The API Gateway v2 client.
    func apiGateway() throws -> APIGatewayClient {
        APIGatewayClient(client: try client(.apiGatewayV2))
    }

    /// The Lambda calls `logs` and the routes commands need (raw rest-json, until the Lambda client lands).
    func functionPermissions() throws -> LambdaPermissionsAPI {
        LambdaPermissionsAPI(client: try client(.lambda))
    }
}

/// Writes result lines to stdout, one `write` per batch, so output is flushed line by line.
enum LineWriter {
    /// Writes `lines`, each followed by a newline, in one system call.
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        var text = lines.joined(separator: "\n")
        text.append("\n")
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

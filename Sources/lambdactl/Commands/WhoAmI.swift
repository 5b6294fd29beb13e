import ArgumentParser
import AWSCore
import AWSSTS

/// `lambdactl whoami`: who the credentials belong to, where they came from, region and endpoint.
struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the account, ARN and user id of the current credentials (STS GetCallerIdentity).")

    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        let account: String
        let arn: String
        let userId: String
        let credentials: String
        let region: String
        let endpoint: String
    }

    func run() async throws {
        let app = try AppEnvironment.make(global)
        let sts = try app.sts()
        let source = try await app.context.credentials.credentials().source
        let identity = try await sts.getCallerIdentity()
        let report = Report(
            account: identity.account, arn: identity.arn, userId: identity.userID, credentials: source,
            region: app.region, endpoint: sts.client.endpoint.urlString)
        try app.output.emit(report) {
            """
            Account:     \(report.account)
            ARN:         \(report.arn)
            UserId:      \(report.userId)
            Credentials: \(report.credentials)
            Region:      \(report.region)
            Endpoint:    \(report.endpoint)
            """
        }
    }
}

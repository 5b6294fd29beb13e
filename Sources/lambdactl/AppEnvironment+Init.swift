import AWSSNS
import Deployment

extension AppEnvironment {
    /// `init --from-function`: the reads (trigger listing, alarms) and, when asked, the package download.
    func initFromFunctions(download: Bool) throws -> InitFromFunctions {
        let describer = FunctionDescriber(
            lambda: try lambda(), overview: try triggerOverview(), cloudWatch: try cloudWatch(),
            sns: SNSClient(client: try client(.sns)))
        return InitFromFunctions(
            describer: describer, downloader: download ? CodeDownloader(transport: context.transport, files: LocalFileWriting()) : nil,
            packager: codePackager, files: LocalFileWriting())
    }
}

import Testing
@testable import lambdactl

@Suite("Version")
struct VersionTests {
    @Test("the version line is the number alone, or the number and the commit a release was built from")
    func line() {
        #expect(LambdaCtlVersion.line(number: "1.2.3", commit: nil) == "1.2.3")
        #expect(LambdaCtlVersion.line(number: "1.2.3", commit: "0123456789ab") == "1.2.3 (commit 0123456789ab)")
        #expect(LambdaCtlVersion.line(number: "1.2.3", commit: "0123456789ab-dirty") == "1.2.3 (commit 0123456789ab-dirty)")
    }

    @Test("a plain swift build knows no commit, and --version prints the one number")
    func plainBuild() {
        #expect(LambdaCtlVersion.commit == nil)
        #expect(LambdaCtl.configuration.version == LambdaCtlVersion.current)
    }
}

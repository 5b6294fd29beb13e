import Testing
@testable import lambdactl

@Suite("--version N became --to-version N")
struct LegacyOptionsTests {
    @Test("alias and rollback with --version and a version number are refused with the new spelling")
    func refused() {
        #expect(LegacyOptions.check(["alias", "f", "live", "--version", "3"])
            == "alias --version 3: --version prints lambdactl's version; choose the version with --to-version 3")
        #expect(LegacyOptions.check(["rollback", "f", "--region", "x", "--alias", "a", "--version=$LATEST"])?.contains("--to-version $LATEST") == true)
    }

    @Test("--version alone, on other commands or before a non-version word is left to ArgumentParser")
    func leftAlone() {
        #expect(LegacyOptions.check(["alias", "--version"]) == nil)
        #expect(LegacyOptions.check(["alias", "f", "live", "--to-version", "3"]) == nil)
        #expect(LegacyOptions.check(["logs", "f", "--version", "3"]) == nil)
        #expect(LegacyOptions.check(["alias", "--version", "--help"]) == nil)
    }
}

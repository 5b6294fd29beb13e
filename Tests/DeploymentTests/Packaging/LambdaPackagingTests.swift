import Deployment
import Testing
import ZipArchive

@Suite("What Lambda asks of a package beyond plain zip")
struct LambdaPackagingTests {
    @Test("CodeSha256 is the digest in standard base64 with padding, as Lambda prints it")
    func codeSha256() {
        #expect(LambdaPackaging.codeSHA256(Array("foob".utf8)) == "Zm9vYg==")
    }

    @Test("bootstrap at the root and anything under extensions/ are always 0755; other modes come from the disk")
    func modes() {
        let policy = LambdaPackaging.archivePolicy
        #expect(policy.permissions(name: "bootstrap", isDirectory: false, diskMode: 0o644) == 0o755)
        #expect(policy.permissions(name: "sub/bootstrap", isDirectory: false, diskMode: 0o644) == 0o644)
        #expect(policy.permissions(name: "extensions/ext", isDirectory: false, diskMode: 0o644) == 0o755)
        #expect(policy.permissions(name: "a.py", isDirectory: false, diskMode: 0o600) == 0o644)
        #expect(ArchivePolicy.plain.permissions(name: "bootstrap", isDirectory: false, diskMode: 0o644) == 0o644)
    }

    @Test("the package reads .lambdaignore and leaves version-control folders and Finder metadata out")
    func ignoreFile() {
        #expect(LambdaPackaging.archivePolicy.ignoreFileName == ".lambdaignore")
        #expect(LambdaPackaging.archivePolicy.defaultExcludes == [".git/", ".svn/", ".hg/", ".DS_Store"])
    }
}

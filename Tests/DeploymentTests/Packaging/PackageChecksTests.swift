import AWSCore
import Deployment
import Testing
import ZipArchive

@Suite("Package checks")
struct PackageChecksTests {
    static func file(_ name: String, size: UInt64 = 1) -> ZipEntry {
        ZipEntry(name: name, kind: .file(source: "/dev/null", size: size), permissions: 0o644)
    }

    @Test("names with a .. component or a leading slash are refused", arguments: ["../x", "a/../b", "/etc/passwd", "a/.."])
    func unsafeNames(name: String) {
        #expect(throws: PackagingError.archive(.unsafeName(name))) {
            try PackageChecks.check(ScannedTree(entries: [Self.file(name)]), runtime: nil)
        }
    }

    @Test("dots inside names are fine")
    func safeNames() throws {
        #expect(try PackageChecks.check(ScannedTree(entries: [Self.file("a..b"), Self.file(".eslintrc")]), runtime: nil).isEmpty)
    }

    @Test("a .env file or a private key in the package is a warning naming them; examples and public files are not")
    func secretsWarn() throws {
        let names = ["app.py", ".env", "config/.env.production", ".env.example", "certs/server.key", "tls.pem", "keys/id_rsa",
            "keys/id_rsa.pub", "keyboard.py", "id_ed25519"]
        let warnings = try PackageChecks.check(ScannedTree(entries: names.map { Self.file($0) }), runtime: nil)
        #expect(warnings == [.likelySecrets([".env", "config/.env.production", "certs/server.key", "tls.pem", "keys/id_rsa", "id_ed25519"])])
        #expect(warnings.first?.facts == ".env, config/.env.production, certs/server.key and 3 more are in the package: secrets "
            + "in a zip are readable by anyone who can get the function")
        #expect(["id_ed25519", "keys/id_rsa", "tls.pem"].allSatisfy(PackageChecks.isLikelySecret))
        #expect(![".env.example", "keys/id_rsa.pub", "keyboard.py", "env/", ".envrc"].contains(where: PackageChecks.isLikelySecret))
    }

    @Test("more than 250 MB unzipped is refused as a local input error")
    func tooLarge() {
        let tree = ScannedTree(entries: [Self.file("a", size: 200_000_000), Self.file("b", size: 62_144_001)])
        #expect(throws: PackagingError.tooLargeUnzipped(bytes: 262_144_001)) { try PackageChecks.check(tree, runtime: nil) }
        #expect(PackagingError.tooLargeUnzipped(bytes: 1).category == .localInput)
    }

    @Test("a provided.* runtime needs bootstrap at the root; other runtimes do not")
    func bootstrap() throws {
        let tree = ScannedTree(entries: [Self.file("sub/bootstrap")])
        #expect(throws: PackagingError.missingBootstrap(runtime: "provided.al2023")) {
            try PackageChecks.check(tree, runtime: "provided.al2023")
        }
        _ = try PackageChecks.check(tree, runtime: "python3.12")
        _ = try PackageChecks.check(ScannedTree(entries: [Self.file("bootstrap")]), runtime: "provided.al2")
    }

    @Test("files unreadable by others and an extensions/ directory are warnings, not errors")
    func warnings() throws {
        let tree = ScannedTree(
            entries: [ZipEntry(name: "extensions/", kind: .directory, permissions: 0o755), Self.file("a")],
            notWorldReadable: ["a", "b", "c", "d"])
        let warnings = try PackageChecks.check(tree, runtime: nil)
        #expect(warnings.count == 2)
        #expect(warnings[0].description.hasPrefix("a, b, c and 1 more: not readable by others"))
        #expect(warnings[1] == .extensionsInFunction && warnings[1].description.contains("only starts extensions from a layer"))
    }

    @Test("option errors are usage errors and every message is one line")
    func categories() {
        #expect(PackagingError.badLevel(12).category == .usage)
        #expect(PackagingError.noInputs.category == .usage)
        let all: [PackagingError] = [
            .noInputs, .badLevel(10), .outputInsideInput(output: "o", root: "r"), .badOutput(path: "p", reason: "r"),
            .tooLargeUnzipped(bytes: 300_000_000), .missingBootstrap(runtime: "provided"), .archive(.missingPath("x")),
        ]
        for error in all { #expect(!error.description.contains("\n")) }
        #expect(PackagingError.tooLargeUnzipped(bytes: 300_000_000).description.contains("286.1 MB"))
    }
}

import Foundation
import ZipArchive

/// What Lambda asks of a deployment package beyond plain zip, handed to ZipArchive as its
/// `ArchivePolicy`, and how Lambda names a package's digest.
package enum LambdaPackaging {
    /// The ignore file read at the top of each directory root.
    package static let ignoreFileName = ".lambdaignore"

    /// Left out of every directory root unless re-included: version-control folders and
    /// Finder metadata, which never belong in a function and can hold secrets or history.
    package static let defaultExcludes = [".git/", ".svn/", ".hg/", ".DS_Store"]

    /// Lambda runs `bootstrap` at the root (custom runtimes) and every file under `extensions/`
    /// (layers' extensions), so both are stored executable whatever their mode on disk.
    package static let archivePolicy = ArchivePolicy(
        ignoreFileName: ignoreFileName, defaultExcludes: defaultExcludes,
        executableNames: ["bootstrap"], executablePrefixes: ["extensions/"])

    /// Lambda's `CodeSha256`: the SHA-256 of the zip bytes in standard base64 with padding.
    package static func codeSHA256(_ sha256: [UInt8]) -> String {
        Data(sha256).base64EncodedString()
    }
}

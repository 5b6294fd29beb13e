import AWSCore
import ZipArchive

/// Why a package was refused; each prints as one line that says what to do.
package enum PackagingError: CategorizedError, CustomStringConvertible, Equatable {
    /// No input path was given.
    case noInputs
    /// The compression level is outside 0–9.
    case badLevel(Int)
    /// The zip file would be written inside a tree it packages.
    case outputInsideInput(output: String, root: String)
    /// The output path names a directory or its directory does not exist.
    case badOutput(path: String, reason: String)
    /// More than Lambda's unzipped limit.
    case tooLargeUnzipped(bytes: UInt64)
    /// A custom runtime package without `bootstrap` at its root.
    case missingBootstrap(runtime: String)
    /// Scanning or writing failed.
    case archive(ZipArchiveError)

    /// `.usage` for wrong options, `.localInput` for everything about the files.
    package var category: ErrorCategory {
        switch self {
        case .noInputs, .badLevel: .usage
        default: .localInput
        }
    }

    /// One line saying what is wrong, naming no flag (the CLI words the fix with its flags).
    package var description: String {
        switch self {
        case .noInputs:
            "no input path; give a directory or files to package"
        case .badLevel(let level):
            "compression level \(level) is out of range; use 0 (store) to 9 (smallest), default 6"
        case .outputInsideInput(let output, let root):
            "\(output) is inside the input \(root); write the zip outside it"
        case .badOutput(let path, let reason):
            "\(path): \(reason); write the zip to a file path in an existing directory"
        case .tooLargeUnzipped(let bytes):
            "package is \(Self.megabytes(bytes)) unzipped, over Lambda's 250 MB limit"
        case .missingBootstrap(let runtime):
            "runtime \(runtime) needs an executable file named bootstrap at the package root; add it (e.g. rename your binary to bootstrap)"
        case .archive(let error):
            error.description
        }
    }

    static func megabytes(_ bytes: UInt64) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// Something worth knowing that did not stop packaging, as a value naming no flag or command
/// (the CLI words the fix with `--exclude`, `package --layer`, `update-code`).
package enum PackageWarning: Sendable, Equatable, CustomStringConvertible {
    /// Files not readable by others on disk (stored readable in the package).
    case notWorldReadable([String])
    /// Files that look like secrets (`.env`, private keys).
    case likelySecrets([String])
    /// An `extensions/` folder in a function package, where Lambda never starts it.
    case extensionsInFunction
    /// A zip over the 50 MB direct upload limit.
    case overDirectUpload(zippedBytes: UInt64)

    /// Up to three names, then how many more.
    package static func sample(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }

    /// What is wrong (every sentence but the fix).
    package var facts: String {
        switch self {
        case .notWorldReadable(let names):
            "\(Self.sample(names)): not readable by others on disk; stored as 0644/0755 in the package so Lambda can read them"
        case .likelySecrets(let names):
            "\(Self.sample(names)) are in the package: secrets in a zip are readable by anyone who can get the function"
        case .extensionsInFunction:
            "extensions/ in a function package is never started; Lambda only starts extensions from a layer"
        case .overDirectUpload(let bytes):
            "package is \(PackagingError.megabytes(bytes)) zipped, over the 50 MB direct upload limit: it needs S3"
        }
    }

    /// The warning in plain words.
    package var description: String {
        switch self {
        case .notWorldReadable: facts
        case .likelySecrets:
            facts + "; leave them out with an exclude pattern or .lambdaignore and pass values as environment variables "
                + "or from Secrets Manager"
        case .extensionsInFunction: facts + ", so publish it as a layer"
        case .overDirectUpload: facts + " (code updates upload through S3 automatically)"
        }
    }
}

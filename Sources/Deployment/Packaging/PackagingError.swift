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

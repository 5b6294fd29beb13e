import AWSCore
import ZipArchive

/// Why a package was refused; each prints as one line that says what to do.
public enum PackagingError: CategorizedError, CustomStringConvertible, Equatable {
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
    public var category: ErrorCategory {
        switch self {
        case .noInputs, .badLevel: .usage
        default: .localInput
        }
    }

    /// One line with the fix.
    public var description: String {
        switch self {
        case .noInputs:
            "no input path; pass a directory or files to package, e.g. lambdactl package ./build -o out.zip"
        case .badLevel(let level):
            "--level \(level) is out of range; use 0 (store) to 9 (smallest), default 6"
        case .outputInsideInput(let output, let root):
            "\(output) is inside the input \(root); write the zip outside it, e.g. -o ../function.zip"
        case .badOutput(let path, let reason):
            "\(path): \(reason); pass a file path in an existing directory with -o"
        case .tooLargeUnzipped(let bytes):
            "package is \(Self.megabytes(bytes)) unzipped, over Lambda's 250 MB limit; exclude files with --exclude or move them to a layer or container image"
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

import ArgumentParser
import Deployment
import Foundation
import Synchronization

/// `lambdactl package`: builds a deterministic deployment zip.
struct Package: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a deterministic deployment package (zip) from directories and files.",
        discussion: """
            Directories contribute their contents at the zip root; files are stored under their \
            base name. .git/, .svn/, .hg/ and .DS_Store are left out unless --include names them; \
            a .lambdaignore file (gitignore syntax) at the top of a directory is honoured. \
            Entries are sorted, timestamps fixed and modes normalised, so the same tree always gives \
            the same bytes and the same CodeSha256.
            """)

    @Argument(help: "Directories or files to package.")
    var paths: [String] = []

    @Option(name: [.short, .customLong("output-file")], help: "The zip file to write.")
    var outputFile: String

    @Option(name: .customLong("exclude"), help: "Leave out paths matching this gitignore-style pattern (repeatable).")
    var excludes: [String] = []

    @Option(
        name: .customLong("include"),
        help: "Package paths matching this pattern although excluded (.git/, .svn/, .hg/, .DS_Store by default, --exclude, .lambdaignore); repeatable.")
    var includes: [String] = []

    @Option(help: "Compression level, 0 (store) to 9 (smallest).")
    var level: Int = 6

    @Flag(name: .customLong("follow-symlinks"), help: "Store the content symlinks point to instead of the links.")
    var followSymlinks = false

    @Option(help: "The function's runtime; provided.* requires an executable bootstrap at the root.")
    var runtime: String?

    @Flag(help: "Build a layer (extensions/ at the root is then expected, not warned about).")
    var layer = false

    @OptionGroup var local: LocalOutputOptions

    /// `package` never calls AWS: the AWS options are accepted (scripts keep working) and hidden.
    @OptionGroup(visibility: .hidden) var ignoredAWS: IgnoredAWSOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Pass at least one directory or file, e.g. lambdactl package ./build -o function.zip") }
        if outputFile.isEmpty { throw ValidationError("-o needs a file name, e.g. -o function.zip") }
        if !(0...9).contains(level) { throw ValidationError("--level must be 0 (store) to 9 (smallest); the default is 6.") }
    }

    func run() async throws {
        let console = local.noColor ? Console(useColor: false) : Console.standardError
        let bar = isatty(2) == 1 ? ProgressBar() : nil
        let request = PackageRequest(
            roots: paths, output: outputFile, excludes: excludes, includes: includes, level: level,
            followSymlinks: followSymlinks, runtime: runtime, kind: layer ? .layer : .function)
        var progress: (@Sendable (UInt64, UInt64) -> Void)?
        if let bar { progress = { done, total in bar.update(done, total) } }
        let result = try await PackageBuilder(temporarySuffix: AppEnvironment.temporarySuffix).build(request, progress: progress)
        bar?.finish()
        let warnings = result.warnings.map(PackagingErrorText.line)
        for warning in warnings { console.warning(warning) }
        let printed = PackageOutput(
            path: result.path, entries: result.entries, zippedBytes: result.zippedBytes,
            unzippedBytes: result.unzippedBytes, codeSha256: result.codeSha256, warnings: warnings)
        try Output(format: local.output).emit(printed) {
            """
            path: \(result.path)
            entries: \(result.entries)
            zipped: \(result.zippedBytes) bytes
            unzipped: \(result.unzippedBytes) bytes
            codeSha256: \(result.codeSha256)
            """
        }
    }
}

/// A one-line progress bar on stderr, redrawn only when it changes.
final class ProgressBar: Sendable {
    private let shown = Mutex(-1)
    private let width = 30

    /// Redraws for `done` of `total` bytes.
    func update(_ done: UInt64, _ total: UInt64) {
        let filled = total == 0 ? width : Int(done * UInt64(width) / total)
        let changed = shown.withLock { last in
            if last == filled { return false }
            last = filled
            return true
        }
        guard changed else { return }
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\rpackaging [\(bar)] \(filled * 100 / width)%".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// `package --output json`: the result, with its warnings worded as on stderr.
struct PackageOutput: Encodable {
    var path: String
    var entries: Int
    var zippedBytes: UInt64
    var unzippedBytes: UInt64
    var codeSha256: String
    var warnings: [String]
}

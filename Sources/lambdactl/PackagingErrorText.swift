import Deployment
import ZipArchive

/// Packaging and archive errors worded with the flags and commands the user types (`--exclude`,
/// `--follow-symlinks`, `-o`, `--level`); the errors themselves are values that name none.
enum PackagingErrorText {
    /// The line for a packaging error.
    static func line(_ error: PackagingError) -> String {
        switch error {
        case .noInputs:
            "no input path; pass a directory or files to package, e.g. lambdactl package ./build -o out.zip"
        case .badLevel(let level):
            "--level \(level) is out of range; use 0 (store) to 9 (smallest), default 6"
        case .outputInsideInput(let output, let root):
            "\(output) is inside the input \(root); write the zip outside it, e.g. -o ../function.zip"
        case .badOutput(let path, let reason):
            "\(path): \(reason); pass a file path in an existing directory with -o"
        case .tooLargeUnzipped:
            error.description + "; exclude files with --exclude or move them to a layer or container image"
        case .missingBootstrap:
            error.description
        case .archive(let archive):
            line(archive)
        }
    }

    /// The line for a packaging warning.
    static func line(_ warning: PackageWarning) -> String {
        switch warning {
        case .notWorldReadable: warning.facts
        case .likelySecrets:
            warning.facts + "; leave them out with --exclude or .lambdaignore and pass values as environment variables "
                + "or from Secrets Manager"
        case .extensionsInFunction: warning.facts + ", so publish it as a layer (package --layer to build one)"
        case .overDirectUpload: warning.facts + " (update-code uploads through S3 automatically)"
        }
    }

    /// The line for an archive error.
    static func line(_ error: ZipArchiveError) -> String {
        switch error {
        case .missingPath(let path):
            "\(path): no such file or directory; check the path you passed to package"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); fix its permissions or exclude it with --exclude"
        case .escapingSymlink(let path, let target):
            "\(path): symlink to \(target) points outside the package; pass --follow-symlinks to store its content, or exclude it"
        case .danglingSymlink(let path, let target):
            "\(path): symlink to \(target) points nowhere; remove it or exclude it with --exclude"
        case .symlinkLoop(let path, let target):
            "\(path): symlink to \(target) forms a loop (it leads back to itself or to a directory that contains it); remove it or exclude it with --exclude"
        case .invalidName(let path):
            "\(path): the name is not valid UTF-8, which a zip for Lambda cannot carry; rename it or exclude its directory with --exclude"
        case .unsupportedFileType(let path):
            "\(path): not a regular file, directory or symlink; exclude it with --exclude"
        case .duplicateName, .unsafeName, .fileChanged, .writeFailed, .zlib, .notAnArchive:
            error.description
        }
    }
}

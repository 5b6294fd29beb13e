/// Problems found while scanning a tree or writing an archive; each prints as one line
/// that says what to do.
package enum ZipArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path given to package does not exist.
    case missingPath(String)
    /// A file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// A symlink points outside the packaged tree.
    case escapingSymlink(path: String, target: String)
    /// A symlink points nowhere.
    case danglingSymlink(path: String, target: String)
    /// A symlink leads back into a directory that contains it (or to itself).
    case symlinkLoop(path: String, target: String)
    /// A name in the tree is not valid UTF-8 (shown with U+FFFD for the bad bytes).
    case invalidName(String)
    /// Something that is neither a file, a directory nor a symlink (FIFO, socket, device).
    case unsupportedFileType(String)
    /// Two roots put different content under the same name.
    case duplicateName(String)
    /// A name would escape the extraction directory.
    case unsafeName(String)
    /// A file's size changed between scanning and writing it.
    case fileChanged(String)
    /// Writing the archive failed.
    case writeFailed(path: String, reason: String)
    /// zlib reported an error.
    case zlib(String)
    /// Bytes read as an archive are not a zip this reader understands.
    case notAnArchive(String)

    /// One line saying what went wrong and what to do.
    package var description: String {
        switch self {
        case .missingPath(let path):
            "\(path): no such file or directory; check the path"
        case .unreadable(let path, let reason):
            "\(path): cannot be read (\(reason)); fix its permissions or exclude it"
        case .escapingSymlink(let path, let target):
            "\(path): symlink to \(target) points outside the package; store its content instead of the link, or exclude it"
        case .danglingSymlink(let path, let target):
            "\(path): symlink to \(target) points nowhere; remove it or exclude it"
        case .symlinkLoop(let path, let target):
            "\(path): symlink to \(target) forms a loop (it leads back to itself or to a directory that contains it); remove it or exclude it"
        case .invalidName(let path):
            "\(path): the name is not valid UTF-8, which this writer does not store; rename it or exclude its directory"
        case .unsupportedFileType(let path):
            "\(path): not a regular file, directory or symlink; exclude it"
        case .duplicateName(let name):
            "\(name): given by more than one input path; package each root once or rename one"
        case .unsafeName(let name):
            "\(name): names with '..' or a leading '/' are not allowed in a package; rename it"
        case .fileChanged(let path):
            "\(path): changed size while being packaged; stop whatever writes it and run package again"
        case .writeFailed(let path, let reason):
            "\(path): cannot write the archive (\(reason)); check the output directory and free space"
        case .zlib(let message):
            "compression failed (\(message)); this is a bug, please report it"
        case .notAnArchive(let reason):
            "not a zip archive lambdactl can read: \(reason)"
        }
    }
}

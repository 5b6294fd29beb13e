import AWSCore
import Foundation
import ZipArchive

/// Fetches a function's deployed package from GetFunction's `Code.Location` (a presigned S3
/// URL: fetched unsigned, through the one transport) and unpacks it into a directory with the
/// zip reader. The URL is never printed: it grants the package to whoever holds it.
package struct CodeDownloader: Sendable {
    /// The transport (the same one the clients use).
    package var transport: any HTTPTransport
    /// Where the package is unpacked.
    package var files: any FileWriting

    /// Creates the downloader.
    package init(transport: any HTTPTransport, files: any FileWriting) {
        self.transport = transport
        self.files = files
    }

    /// Downloads `function`'s package from `location` and unpacks it into `directory`; returns
    /// the number of files written.
    package func download(function: String, location: String?, into directory: String) async throws -> Int {
        guard let location, let url = URLComponents(string: location), let host = url.host else {
            throw InitError(.refused, "GetFunction gave no download location for \(function)'s package (a container image, or no permission); give its code by hand")
        }
        let request = HTTPRequest(
            method: "GET", scheme: url.scheme ?? "https", host: host, port: url.port,
            path: url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath,
            query: (url.queryItems ?? []).map { QueryItem($0.name, $0.value ?? "") })
        let response = try await transport.send(request, timeout: .seconds(300))
        guard response.status == 200 else {
            throw InitError(.refused, "downloading \(function)'s package failed (HTTP \(response.status)); the download link lasts 10 minutes: run init again")
        }
        let entries: [ZipReadEntry]
        do {
            entries = try ZipReader.entries([UInt8](response.body))
        } catch let error as ZipArchiveError {
            throw InitError(.refused, "\(function)'s package: \(error.description)")
        }
        return try unpack(entries, into: directory)
    }

    /// Writes `entries` under `directory`, keeping permissions and symlinks. A link that points
    /// outside the package (absolute, or `..` past its top) is refused before anything is
    /// written: a later entry written through it would land outside `directory`.
    func unpack(_ entries: [ZipReadEntry], into directory: String) throws -> Int {
        if let link = entries.first(where: { $0.isSymlink && !Self.staysInside($0, root: directory) }) {
            throw InitError(
                .refused,
                "the package has a link \(link.name) → \(String(decoding: link.data, as: UTF8.self)) that leaves the package; "
                    + "nothing was unpacked: give its code by hand")
        }
        var written = 0
        do {
            try files.createDirectory(directory)
            for entry in entries {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(entry.name).path
                if entry.isDirectory {
                    try files.createDirectory(target)
                    continue
                }
                try files.createDirectory(URL(fileURLWithPath: target).deletingLastPathComponent().path)
                if entry.isSymlink {
                    try files.createSymlink(target, to: String(decoding: entry.data, as: UTF8.self))
                } else {
                    try files.write(Data(entry.data), to: target, permissions: Int(entry.permissions ?? 0o644) & 0o777)
                }
                written += 1
            }
        } catch {
            throw InitError(.localInput, "cannot unpack into \(directory) (\(error.localizedDescription)); check the directory and its permissions")
        }
        return written
    }

    /// True when the link `entry` resolves to a path inside `root`.
    static func staysInside(_ entry: ZipReadEntry, root: String) -> Bool {
        let target = String(decoding: entry.data, as: UTF8.self)
        guard !target.hasPrefix("/") else { return false }
        let top = URL(fileURLWithPath: root).standardizedFileURL.path
        let link = URL(fileURLWithPath: top).appendingPathComponent(entry.name)
        let resolved = link.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
        return resolved == top || resolved.hasPrefix(top + "/")
    }
}

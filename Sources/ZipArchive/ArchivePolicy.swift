/// What a packaging format adds to plain zip, passed in by the caller: the ignore file read at
/// the top of each directory root, the names left out unless re-included, and the names whose
/// files are always stored executable. ZipArchive itself knows no format (Deployment passes
/// Lambda's).
package struct ArchivePolicy: Sendable, Equatable {
    /// The ignore file honoured at the top of each directory root (itself never packaged); nil
    /// for none.
    package var ignoreFileName: String?
    /// Left out of every directory root unless re-included (ignore-file syntax).
    package var defaultExcludes: [String]
    /// Names at the archive root whose files are always 0755.
    package var executableNames: Set<String>
    /// Name prefixes (`dir/`) under which every file is 0755.
    package var executablePrefixes: [String]

    /// Creates a policy.
    package init(
        ignoreFileName: String?, defaultExcludes: [String], executableNames: Set<String>, executablePrefixes: [String]
    ) {
        self.ignoreFileName = ignoreFileName
        self.defaultExcludes = defaultExcludes
        self.executableNames = executableNames
        self.executablePrefixes = executablePrefixes
    }

    /// No ignore file, no default excludes, modes from the disk only.
    package static let plain = ArchivePolicy(ignoreFileName: nil, defaultExcludes: [], executableNames: [], executablePrefixes: [])

    /// The permission bits an entry gets, whatever its mode on disk: directories 0755; files
    /// 0755 when any execute bit is set or the policy names them executable, else 0644.
    package func permissions(name: String, isDirectory: Bool, diskMode: UInt32) -> UInt16 {
        if isDirectory { return 0o755 }
        if executableNames.contains(name) || executablePrefixes.contains(where: name.hasPrefix) { return 0o755 }
        return diskMode & 0o111 != 0 ? 0o755 : 0o644
    }
}

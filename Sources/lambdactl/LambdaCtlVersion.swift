import CBuildInfo

/// The version lambdactl reports. The number is kept here and nowhere else: `Scripts/release`
/// reads it back from the built binary's `--version` to name the tarball.
enum LambdaCtlVersion {
    /// The release number (semantic versioning); bump it here only.
    static let current = "0.1.0"

    /// The git commit `Scripts/release` built from (`LAMBDACTL_BUILD_COMMIT`), nil for a plain
    /// `swift build`.
    static let commit: String? = {
        let value = String(cString: lambdactl_build_commit())
        return value.isEmpty ? nil : value
    }()

    /// What `--version` prints: `0.1.0`, or `0.1.0 (commit 1a2b3c4d5e6f)` for a release build.
    static let text = line(number: current, commit: commit)

    /// `number`, followed by the commit in parentheses when there is one.
    static func line(number: String, commit: String?) -> String {
        guard let commit else { return number }
        return "\(number) (commit \(commit))"
    }
}

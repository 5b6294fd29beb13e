import ZipArchive

extension ArchivePolicy {
    /// The policy Deployment passes for Lambda (`LambdaPackaging.archivePolicy`), restated here
    /// so the scanner's tests need no module above ZipArchive: `.lambdaignore`, the
    /// version-control defaults, `bootstrap` and `extensions/` executable.
    static let lambdaLike = ArchivePolicy(
        ignoreFileName: ".lambdaignore", defaultExcludes: [".git/", ".svn/", ".hg/", ".DS_Store"],
        executableNames: ["bootstrap"], executablePrefixes: ["extensions/"])
}

import AWSLambda

/// What a layer version says besides its code: compatible runtimes and architectures,
/// description and licence. A layer is published again when its code *or* any of these differ
/// from the latest version (a version is immutable, so a new one is the only way to change
/// them). Pure.
package struct LayerSettings: Sendable, Equatable {
    /// Compatible runtimes (order does not matter).
    package var compatibleRuntimes: [String]
    /// Compatible architectures (order does not matter).
    package var compatibleArchitectures: [String]
    /// The description; nil or empty means none.
    package var description: String?
    /// The licence (an SPDX identifier, a URL or text); nil or empty means none.
    package var licenseInfo: String?

    /// Creates settings.
    package init(
        compatibleRuntimes: [String] = [], compatibleArchitectures: [String] = [], description: String? = nil,
        licenseInfo: String? = nil
    ) {
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.description = description
        self.licenseInfo = licenseInfo
    }

    /// The names of the settings in which `version` differs from these, in a fixed order
    /// (empty when it matches): `compatible runtimes`, `compatible architectures`,
    /// `description`, `licence`.
    package func differences(from version: LayerVersion) -> [String] {
        var names: [String] = []
        if Set(compatibleRuntimes) != Set(version.compatibleRuntimes ?? []) { names.append("compatible runtimes") }
        if Set(compatibleArchitectures) != Set(version.compatibleArchitectures ?? []) {
            names.append("compatible architectures")
        }
        if (description ?? "") != (version.description ?? "") { names.append("description") }
        if (licenseInfo ?? "") != (version.licenseInfo ?? "") { names.append("licence") }
        return names
    }

    /// True when `version` has these settings.
    package func matches(_ version: LayerVersion) -> Bool { differences(from: version).isEmpty }
}

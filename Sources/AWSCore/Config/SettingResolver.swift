/// Region and retry settings in the SDKs' order of precedence. Pure: inputs in, value or error out.
package enum SettingResolver {
    /// The explicit region > `AWS_REGION` > `AWS_DEFAULT_REGION` > the profile's `region`.
    package static func region(
        explicit: String?, environment: EnvironmentSnapshot, profile: ConfigSection?
    ) throws -> String {
        let candidates = [explicit, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"], profile?["region"]]
        guard let region = candidates.compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else {
            throw ConfigurationError(.noRegion)
        }
        guard region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ConfigurationError(.notARegionName(region))
        }
        return region
    }

    /// `AWS_MAX_ATTEMPTS` > the profile's `max_attempts` > 3; must be a whole number from 1 to 20.
    package static func maxAttempts(environment: EnvironmentSnapshot, profile: ConfigSection?) throws -> Int {
        let (text, origin): (String?, String) =
            environment["AWS_MAX_ATTEMPTS"].map { ($0, "AWS_MAX_ATTEMPTS") }
            ?? profile?["max_attempts"].map { ($0, "max_attempts in profile '\(profile?.name ?? "")'") }
            ?? (nil, "")
        guard let text else { return 3 }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...20).contains(value) else {
            throw ConfigurationError("\(origin) is '\(text)': use a whole number from 1 to 20")
        }
        return value
    }
}

/// True for `true` in any case, as the SDKs read boolean settings.
func isTrue(_ value: String?) -> Bool {
    value?.trimmingCharacters(in: .whitespaces).lowercased() == "true"
}

import AWSLambda

/// A function's (or qualifier's) asynchronous-invocation settings as a plain value: retries,
/// maximum event age and the two destinations. nil members are Lambda's defaults (2 retries,
/// six hours, no destination). Other use cases (the role's destination policy) read
/// `destinationARNs`.
package struct AsyncInvokeSettings: Sendable, Equatable, Encodable {
    /// `MaximumRetryAttempts` (0–2).
    package var maxRetries: Int?
    /// `MaximumEventAgeInSeconds` (60–21600).
    package var maxEventAgeSeconds: Int?
    /// Where records of successful invocations go.
    package var onSuccess: String?
    /// Where records of failed invocations go.
    package var onFailure: String?

    /// Creates settings.
    package init(maxRetries: Int? = nil, maxEventAgeSeconds: Int? = nil, onSuccess: String? = nil, onFailure: String? = nil) {
        self.maxRetries = maxRetries
        self.maxEventAgeSeconds = maxEventAgeSeconds
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }

    /// The settings AWS reports (an empty destination reads as none).
    package init(_ config: EventInvokeConfig) {
        maxRetries = config.maximumRetryAttempts
        maxEventAgeSeconds = config.maximumEventAgeInSeconds
        onSuccess = config.destinationConfig?.onSuccess?.destination.flatMap { $0.isEmpty ? nil : $0 }
        onFailure = config.destinationConfig?.onFailure?.destination.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The destination ARNs set, success first.
    package var destinationARNs: [String] { [onSuccess, onFailure].compactMap { $0 } }

    /// The PutFunctionEventInvokeConfig body for these settings.
    package var eventInvokeConfig: EventInvokeConfig {
        let destinations =
            onSuccess == nil && onFailure == nil
            ? nil : DestinationConfig(onSuccess: onSuccess.map(Destination.init), onFailure: onFailure.map(Destination.init))
        return EventInvokeConfig(
            maximumRetryAttempts: maxRetries, maximumEventAgeInSeconds: maxEventAgeSeconds, destinationConfig: destinations)
    }

    /// `retries 0, max event age 1h, on success (none), on failure arn:…`.
    package var summary: String {
        [
            "max retries \(maxRetries.map(String.init) ?? "2 (default)")",
            "max event age \(maxEventAgeSeconds.map(Self.age) ?? "6h (default)")",
            "on success \(onSuccess ?? "(none)")", "on failure \(onFailure ?? "(none)")",
        ].joined(separator: ", ")
    }

    /// `90s`, `1h`, `1h30m`, `2m30s`.
    package static func age(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}

/// What to change in the asynchronous-invocation settings: each member nil leaves that setting,
/// `.remove` puts it back to Lambda's default; `clear` removes the whole configuration.
package struct AsyncInvokeChange: Sendable, Equatable {
    package var maxRetries: SettingChange<Int>?
    /// Seconds.
    package var maxEventAge: SettingChange<Int>?
    package var onSuccess: SettingChange<String>?
    package var onFailure: SettingChange<String>?
    /// Delete the configuration (`--clear`, `async: null`).
    package var clear: Bool

    /// The change sets or removes a destination (the execution role's destination policy follows).
    package var touchesDestinations: Bool { clear || onSuccess != nil || onFailure != nil }

    /// Creates a change.
    package init(
        maxRetries: SettingChange<Int>? = nil, maxEventAge: SettingChange<Int>? = nil,
        onSuccess: SettingChange<String>? = nil, onFailure: SettingChange<String>? = nil, clear: Bool = false
    ) {
        self.maxRetries = maxRetries
        self.maxEventAge = maxEventAge
        self.onSuccess = onSuccess
        self.onFailure = onFailure
        self.clear = clear
    }

    /// True when nothing is asked (a read).
    package var isEmpty: Bool { !clear && maxRetries == nil && maxEventAge == nil && onSuccess == nil && onFailure == nil }

    /// The settings after the change; nil when there is to be no configuration (pure).
    package func applied(to current: AsyncInvokeSettings?) -> AsyncInvokeSettings? {
        if clear { return nil }
        if isEmpty { return current }
        let base = current ?? AsyncInvokeSettings()
        return AsyncInvokeSettings(
            maxRetries: base.maxRetries.applying(maxRetries), maxEventAgeSeconds: base.maxEventAgeSeconds.applying(maxEventAge),
            onSuccess: base.onSuccess.applying(onSuccess), onFailure: base.onFailure.applying(onFailure))
    }
}

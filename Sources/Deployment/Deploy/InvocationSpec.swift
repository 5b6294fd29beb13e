import Foundation

/// The invocation settings under `function:`: `reserved_concurrency`, `provisioned_concurrency`
/// (on the alias), `async` (on the alias, else unqualified) and `function_url`. Each member nil
/// when its key is absent (leave it as it is); `.remove` for an explicit `null`.
package struct InvocationSpec: Sendable, Equatable {
    /// `reserved_concurrency: 20`.
    package var reservedConcurrency: SettingChange<Int>?
    /// `provisioned_concurrency: 5` (needs `alias:`).
    package var provisionedConcurrency: SettingChange<Int>?
    /// `async: {max_retries, max_event_age, on_success, on_failure}`.
    package var async: SettingChange<AsyncSpec>?
    /// `function_url: {auth: none, cors_origins: [...]}` (on the alias, else `$LATEST`).
    package var functionURL: SettingChange<FunctionURLSpec>?

    /// Creates a spec (tests).
    package init(
        reservedConcurrency: SettingChange<Int>? = nil, provisionedConcurrency: SettingChange<Int>? = nil,
        async: SettingChange<AsyncSpec>? = nil, functionURL: SettingChange<FunctionURLSpec>? = nil
    ) {
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.async = async
        self.functionURL = functionURL
    }

    /// The keys, as `function:` accepts them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case reservedConcurrency = "reserved_concurrency"
        case provisionedConcurrency = "provisioned_concurrency"
        case async
        case functionURL = "function_url"
    }

    /// Reads the keys from the `function:` mapping, telling an absent key from `null`.
    init(from container: KeyedDecodingContainer<CodingKeys>) throws {
        reservedConcurrency = try Self.change(Int.self, .reservedConcurrency, in: container)
        provisionedConcurrency = try Self.change(Int.self, .provisionedConcurrency, in: container)
        async = try Self.change(AsyncSpec.self, .async, in: container)
        functionURL = try Self.change(FunctionURLSpec.self, .functionURL, in: container)
    }

    /// nil when absent, `.remove` for `null`, else the value.
    static func change<Value: Decodable & Sendable & Equatable, Key: CodingKey>(
        _ type: Value.Type, _ key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> SettingChange<Value>? {
        guard container.contains(key) else { return nil }
        if try container.decodeNil(forKey: key) { return .remove }
        return .set(try container.decode(Value.self, forKey: key))
    }

    /// True when no key is given.
    package var isEmpty: Bool {
        reservedConcurrency == nil && provisionedConcurrency == nil && async == nil && functionURL == nil
    }
}

/// The `async:` mapping: each key absent leaves that setting, `null` puts it back to Lambda's default.
package struct AsyncSpec: Sendable, Equatable, Decodable {
    package var maxRetries: SettingChange<Int>?
    /// `DurationSpec` text (`1h`, `90s`, `3600`), checked by `DeployValidation`.
    package var maxEventAge: SettingChange<String>?
    package var onSuccess: SettingChange<String>?
    package var onFailure: SettingChange<String>?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxRetries = "max_retries", maxEventAge = "max_event_age", onSuccess = "on_success"
        case onFailure = "on_failure"
    }

    /// Creates a spec (tests).
    package init(
        maxRetries: SettingChange<Int>? = nil, maxEventAge: SettingChange<String>? = nil,
        onSuccess: SettingChange<String>? = nil, onFailure: SettingChange<String>? = nil
    ) {
        self.maxRetries = maxRetries
        self.maxEventAge = maxEventAge
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxRetries = try InvocationSpec.change(Int.self, .maxRetries, in: container)
        maxEventAge = try InvocationSpec.change(String.self, .maxEventAge, in: container)
        onSuccess = try InvocationSpec.change(String.self, .onSuccess, in: container)
        onFailure = try InvocationSpec.change(String.self, .onFailure, in: container)
    }

    /// The change it asks for; nil when `max_event_age` is not a duration.
    package var change: AsyncInvokeChange? {
        var age: SettingChange<Int>?
        switch maxEventAge {
        case .set(let text):
            guard let duration = DurationSpec.parse(text) else { return nil }
            age = .set(DurationSpec.wholeSeconds(duration))
        case .remove: age = .remove
        case nil: age = nil
        }
        return AsyncInvokeChange(maxRetries: maxRetries, maxEventAge: age, onSuccess: onSuccess, onFailure: onFailure)
    }
}

/// The `function_url:` mapping: `auth` (`none` or `aws_iam`, any case) and the CORS origins.
package struct FunctionURLSpec: Sendable, Equatable, Decodable {
    /// As written; `authType` is AWS's spelling.
    package var auth: String
    /// Allowed CORS origins; nil leaves them as they are.
    package var corsOrigins: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case auth
        case corsOrigins = "cors_origins"
    }

    /// Creates a spec (tests).
    package init(auth: String, corsOrigins: [String]? = nil) {
        self.auth = auth
        self.corsOrigins = corsOrigins
    }

    /// `NONE` or `AWS_IAM` (nil when `auth` is neither, in any case).
    package var authType: String? {
        let upper = auth.uppercased().replacingOccurrences(of: "-", with: "_")
        return ["NONE", "AWS_IAM"].contains(upper) ? upper : nil
    }
}

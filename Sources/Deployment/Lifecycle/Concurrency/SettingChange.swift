/// A change to one optional setting: give it this value, or remove it. "Leave it as it is" is
/// the absence of a change (`SettingChange<Int>?` nil), as an absent key in `lambdactl.yml` is.
package enum SettingChange<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Set the value.
    case set(Value)
    /// Remove the setting (an explicit `null`, a `--no-…` flag).
    case remove

    /// The value the setting has after the change, from `current`.
    package func applied(to current: Value?) -> Value? {
        switch self {
        case .set(let value): value
        case .remove: nil
        }
    }
}

extension Optional where Wrapped: Sendable & Equatable {
    /// The value after an optional change: unchanged when `change` is nil (pure).
    package func applying(_ change: SettingChange<Wrapped>?) -> Wrapped? {
        guard let change else { return self }
        return change.applied(to: self)
    }
}

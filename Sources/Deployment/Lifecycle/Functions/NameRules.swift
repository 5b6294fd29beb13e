import Foundation

/// Lambda's rules for the names and ARNs users type, checked locally before the first call that
/// changes anything, so bad input never leaves a half-done deploy (e.g. a role created for a
/// function Lambda then refuses). Pure; patterns from the Lambda API reference.
package enum NameRules {
    /// A function name for `create-function`: 1–64 of `a-z A-Z 0-9 - _`, or a full or partial
    /// function ARN (`[arn:aws:lambda:REGION:]ACCOUNT:function:NAME`) ending in such a name.
    package static func checkNewFunctionName(_ value: String) throws {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name: String
        switch parts.count {
        case 1: name = value
        case 3 where parts[1] == "function" && isAccount(parts[0]): name = parts[2]
        case 7 where parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function" && isAccount(parts[4]):
            name = parts[6]
        default: name = ""
        }
        guard isWord(name, maxLength: 64) else {
            throw LifecycleError.usage(
                "\"\(value)\" is not a valid function name; use 1–64 letters, digits, - and _, e.g. my-function")
        }
    }

    /// A layer version ARN: `arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION`.
    package static func checkLayerVersionARN(_ value: String) throws {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 8, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "lambda", !parts[3].isEmpty,
            isAccount(parts[4]), parts[5] == "layer", isWord(parts[6], maxLength: 140),
            let version = Int(parts[7]), version >= 1
        else {
            throw LifecycleError(
                .notOfKind(
                    .layer, value: value, expected: "a layer version ARN",
                    examples: ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"]))
        }
    }

    /// A layer name for `publish-layer`: 1–140 of `a-z A-Z 0-9 - _`, or the layer's ARN without a version.
    package static func checkLayerName(_ value: String) throws {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let valid: Bool
        switch parts.count {
        case 1: valid = isWord(value, maxLength: 140)
        case 7:
            valid = parts[0] == "arn" && parts[2] == "lambda" && isAccount(parts[4]) && parts[5] == "layer"
                && isWord(parts[6], maxLength: 140)
        default: valid = false
        }
        guard valid else {
            throw LifecycleError.usage(
                "\"\(value)\" is not a valid layer name; use 1–140 letters, digits, - and _, e.g. deps")
        }
    }

    /// An alias name: 1–128 of `a-z A-Z 0-9 - _`, not all digits (that would read as a version).
    package static func checkAliasName(_ value: String) throws {
        guard isWord(value, maxLength: 128), !value.allSatisfy(\.isASCIIDigit) else {
            throw LifecycleError.usage(
                "\"\(value)\" is not a valid alias name; use 1–128 letters, digits, - and _ (not only digits), e.g. live")
        }
    }

    /// A qualifier: a version number, `$LATEST` or an alias name (1–128 of `a-z A-Z 0-9 $ - _`).
    package static func checkQualifier(_ value: String?) throws {
        guard let value else { return }
        guard value.utf8.count <= 128, isWord(value.replacingOccurrences(of: "$", with: "_"), maxLength: 128) else {
            throw LifecycleError(
                .notOfKind(.qualifier, value: value, expected: "a version, $LATEST or an alias name", examples: ["live", "3"]))
        }
    }

    /// 1…`maxLength` characters, each `a-z A-Z 0-9 - _`.
    static func isWord(_ value: String, maxLength: Int) -> Bool {
        !value.isEmpty && value.utf8.count <= maxLength
            && value.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }

    /// Twelve ASCII digits.
    static func isAccount(_ value: String) -> Bool {
        value.count == 12 && value.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

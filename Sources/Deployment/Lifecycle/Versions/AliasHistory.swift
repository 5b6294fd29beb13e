import Foundation

/// Where an alias pointed before, most recent first, kept in one function tag per alias so
/// `rollback` can go back step by step. Pure.
///
/// Key `lambdactl:previous:<alias>` (an alias longer than 109 characters is cut to 92 and
/// followed by `.` and a 16-digit hash, so the key stays within AWS's 128); value the versions
/// joined by `/`, newest first, at most ``limit`` of them (`lambdactl:previous:live=4/3/1`);
/// `$LATEST` is written `LATEST`, because `$` is not allowed in a tag. Every character used
/// (letters, digits, `- _ : . /`) is one AWS allows in tag keys and values.
package struct AliasHistory: Sendable, Equatable {
    /// How many earlier versions are kept (10 × at most 11 characters stays far below 256).
    package static let limit = 10
    /// The tag key prefix.
    package static let keyPrefix = "lambdactl:previous:"
    /// AWS's longest tag key.
    static let maxKeyLength = 128

    /// Earlier versions, newest first.
    package var versions: [String]

    /// A history of `versions`, newest first.
    package init(versions: [String] = []) {
        self.versions = Array(versions.prefix(Self.limit))
    }

    /// Reads a tag value; anything that is not a version number or `LATEST` is skipped.
    package init(tagValue: String?) {
        let parts = (tagValue ?? "").split(separator: "/").map(String.init)
        self.init(versions: parts.compactMap { part in
            part == "LATEST" ? "$LATEST" : (Int(part).map { $0 > 0 } == true ? part : nil)
        })
    }

    /// The tag value.
    package var tagValue: String {
        versions.map { $0 == "$LATEST" ? "LATEST" : $0 }.joined(separator: "/")
    }

    /// The tag key for `alias`, never longer than 128 characters.
    package static func tagKey(for alias: String) -> String {
        tagKey(prefix: keyPrefix, alias: alias)
    }

    /// `prefix` and `alias`, an over-long alias cut and followed by `.` and its hash.
    static func tagKey(prefix: String, alias: String) -> String {
        let key = prefix + alias
        guard key.count > maxKeyLength else { return key }
        let hash = String(fnv1a(alias), radix: 16)
        let hex = String(repeating: "0", count: 16 - hash.count) + hash
        return prefix + alias.prefix(maxKeyLength - prefix.count - 17) + "." + hex
    }

    /// The history of `alias` among a function's tags.
    package static func from(tags: [String: String], alias: String) -> AliasHistory {
        AliasHistory(tagValue: tags[tagKey(for: alias)])
    }

    /// After a move away from `previous`: `previous` in front (once), the oldest dropped past the limit.
    package func recording(_ previous: String) -> AliasHistory {
        if versions.first == previous { return self }
        return AliasHistory(versions: [previous] + versions)
    }

    /// Where a rollback from `current` goes: the newest recorded version that still exists
    /// (`existing`) and is not `current`; nil when the history has none.
    package func rollbackTarget(from current: String, existing: Set<String>) -> String? {
        versions.first { $0 != current && existing.contains($0) }
    }

    /// The history after rolling back to `target`: what was recorded before `target`, so the next
    /// rollback goes further back, never forth. A target not in the history keeps only the
    /// numbered versions below it.
    package func rollingBack(to target: String) -> AliasHistory {
        if let index = versions.firstIndex(of: target) {
            return AliasHistory(versions: Array(versions[(index + 1)...]))
        }
        guard let number = Int(target) else { return self }
        return AliasHistory(versions: versions.filter { Int($0).map { $0 < number } ?? false })
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: a stable, dependency-free hash for over-long keys.
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}

/// What a package is for: Lambda starts external extensions only from a layer's
/// `/opt/extensions`, so `extensions/` is a mistake in a function package and exactly right in a
/// layer. `package --layer`, `publish-layer` and `deploy`'s `layers[].code` build layers.
package enum PackageKind: String, Sendable, Equatable, Codable {
    /// Function code, unpacked to `/var/task`.
    case function
    /// A layer, unpacked to `/opt`.
    case layer
}

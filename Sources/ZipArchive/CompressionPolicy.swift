/// Decides, cheaply and before compressing, whether an entry is worth deflating.
package enum CompressionPolicy {
    /// Extensions of formats that are already compressed.
    package static let compressedExtensions: Set<String> = [
        "zip", "gz", "tgz", "jar", "war", "ear", "whl", "egg", "png", "jpg", "jpeg", "gif", "webp",
        "avif", "heic", "mp4", "m4a", "m4v", "mov", "mkv", "webm", "mp3", "ogg", "opus", "flac",
        "woff", "woff2", "br", "zst", "xz", "bz2", "7z", "rar", "lz4", "lzma", "pdf", "docx",
        "xlsx", "pptx", "apk", "npz",
    ]

    /// Entropy (bits per byte) above which sampled data is treated as incompressible.
    package static let entropyThreshold = 7.9

    /// Whether the name's extension says the content is already compressed.
    package static func hasCompressedExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return false }
        return compressedExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Shannon entropy of the byte histogram of `bytes`, in bits per byte (0…8).
    package static func entropy(_ bytes: UnsafeRawBufferPointer) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        var bits = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            bits -= p * log2(p)
        }
        return bits
    }

    /// Whether every sample looks random (entropy above the threshold).
    package static func looksIncompressible(samples: [[UInt8]]) -> Bool {
        let nonEmpty = samples.filter { $0.count >= 1024 }
        guard !nonEmpty.isEmpty else { return false }
        return nonEmpty.allSatisfy { sample in
            sample.withUnsafeBytes { entropy($0) } > entropyThreshold
        }
    }

    private static func log2(_ x: Double) -> Double {
        // Natural log series is overkill; Foundation-free log2 through the C library.
        _log2(x)
    }
}

#if canImport(Glibc)
import Glibc
private func _log2(_ x: Double) -> Double { Glibc.log2(x) }
#else
import Darwin
private func _log2(_ x: Double) -> Double { Darwin.log2(x) }
#endif

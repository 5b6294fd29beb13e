import CZlib

/// Raw deflate (windowBits -15) of one chunk of a file, pigz-style: each chunk is its own
/// deflate stream primed with the previous 32 KiB as dictionary and ended with a sync flush,
/// so the chunks concatenate to one valid deflate stream; the last chunk finishes it.
enum ChunkCompressor {
    /// The CRC-32 of `bytes` continuing from `crc`.
    static func crc32(_ bytes: UnsafeRawBufferPointer, from crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        var value = UInt(crc)
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, Int(UInt32.max >> 1))
            value = CZlib.crc32(value, base.advanced(by: offset).assumingMemoryBound(to: UInt8.self), UInt32(length))
            offset += length
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// The CRC of two pieces joined, from each piece's CRC and the second's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(UInt(first), UInt(second), off_t(secondLength)))
    }

    /// Deflates `input` at `level`, primed with `dictionary`; `last` finishes the stream.
    static func deflate(
        _ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, level: Int, last: Bool
    ) throws -> [UInt8] {
        try Deflater(level: level).deflate(input, dictionary: dictionary, last: last)
    }
}

/// One zlib deflate state, reset between uses so a job compressing many small files pays for
/// its allocation once. Owned by one job; never shared.
final class Deflater {
    private var stream = z_stream()
    private var used = false

    /// Allocates the state for raw deflate at `level`.
    init(level: Int) throws {
        let result = lambdactl_deflateInit2(&stream, Int32(level), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)
        guard result == Z_OK else { throw ZipArchiveError.zlib("deflateInit2 returned \(result)") }
    }

    deinit { deflateEnd(&stream) }

    /// Deflates `input` as a fresh stream primed with `dictionary`; `last` finishes the stream,
    /// otherwise it ends on a byte boundary (sync flush) so another chunk can follow.
    func deflate(_ input: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer, last: Bool) throws -> [UInt8] {
        if used { deflateReset(&stream) }
        used = true
        if let dict = dictionary.baseAddress, !dictionary.isEmpty {
            deflateSetDictionary(&stream, dict.assumingMemoryBound(to: UInt8.self), UInt32(dictionary.count))
        }
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 16
        return try [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let out = UnsafeMutableRawBufferPointer(buffer)
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(input.count)
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(out.count)
            let result = CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            let ok = last ? result == Z_STREAM_END : (result == Z_OK && stream.avail_in == 0)
            guard ok else { throw ZipArchiveError.zlib("deflate returned \(result)") }
            count = out.count - Int(stream.avail_out)
        }
    }
}

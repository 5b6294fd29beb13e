import Foundation
import SigV4
import Testing

@Suite("Digests")
struct DigestTests {
    @Test("SHA-256 of known inputs, one-shot and streamed in chunks, agree")
    func sha256() {
        #expect(PayloadHash.sha256Hex(Data()) == PayloadHash.empty)
        #expect(PayloadHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256Hasher()
        for chunk in stride(from: 0, to: bytes.count, by: 7_777) {
            hasher.update(Array(bytes[chunk..<min(chunk + 7_777, bytes.count)]))
        }
        #expect(Hex.lowercase(hasher.finalize()) == PayloadHash.sha256Hex(bytes))
    }

    @Test("an empty streamed hash is the hash of nothing")
    func emptyStream() {
        let hasher = SHA256Hasher()
        #expect(Hex.lowercase(hasher.finalize()) == PayloadHash.empty)
    }

    @Test("HMAC-SHA256 matches RFC 4231 test case 2")
    func hmac() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), "what do ya want for nothing?")
        #expect(Hex.lowercase(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}

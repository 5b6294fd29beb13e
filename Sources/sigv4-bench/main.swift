// sigv4-bench: signatures per second for a typical Lambda request and SHA-256 MB/s over a
// 256 MiB buffer. Build with `swift build -c release --product sigv4-bench`; compare with
// `python3 Scripts/bench-sign.py` and `openssl speed -evp sha256`.
//
// Two signing paths are measured: `sign` reuses one `Signer` (key and MAC context cached);
// `sign (signer per request, shared cache)` builds a `Signer` per request around one shared
// `SigningKeyCache`, as `AWSClient` does. Each includes the body's payload hash.
// `sigv4-bench N` runs only the two signing loops, N signatures each (for profilers).
import Foundation
import SigV4

let credentials = SigningCredentials(
    accessKeyID: "ASIAEXAMPLEEXAMPLE12", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    sessionToken: "FwoGZXIvYXdzEBYaDExampleSessionTokenValue0123456789abcdefghijklmnopqrstuvwxyz")
let config = SigningConfig.standard(region: "us-east-1", service: "lambda")
let signer = Signer(credentials: credentials, config: config)
let sharedCache = SigningKeyCache()
let body = Array(#"{"key":"value","n":42}"#.utf8)
let path = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-fn/invocations"
let headers: [(name: String, value: String)] = [
    ("Host", "lambda.us-east-1.amazonaws.com"), ("Content-Type", "application/json"),
    ("User-Agent", "lambdactl/0.1"), ("X-Amz-Invocation-Type", "RequestResponse"),
]
let date = Date(timeIntervalSince1970: 1_700_000_000)
let clock = ContinuousClock()
let profileCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) : nil

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func request() -> SignableRequest {
    SignableRequest(
        method: "POST", path: path, query: [("Qualifier", "live")], headers: headers,
        payloadHash: PayloadHash.sha256Hex(body))
}

/// One signature with the long-lived signer.
func signOnce() -> Int {
    signer.signingHeaders(for: request(), date: date).last!.value.utf8.count
}

/// One signature with a signer made for the request around the shared cache (the client's path).
func signPerRequest() -> Int {
    let perRequest = Signer(credentials: credentials, config: config, cache: sharedCache)
    return perRequest.signingHeaders(for: request(), date: date).last!.value.utf8.count
}

var sink = 0
/// Signatures per second of `body` over `count` runs, after a warm-up of at least 10,000 runs
/// and 0.3 s (so that neither loop pays for clock ramp-up); `sink` keeps the work alive.
func rate(_ count: Int, _ sink: inout Int, _ body: () -> Int) -> Double {
    var total = 0
    let warm = clock.now.advanced(by: .milliseconds(300))
    repeat {
        for _ in 0..<min(count, 10_000) { total &+= body() }
    } while profileCount == nil && clock.now < warm
    let time = clock.measure { for _ in 0..<count { total &+= body() } }
    sink &+= total
    return Double(count) / seconds(time)
}
let signCount = profileCount ?? 200_000
print(String(format: "sign: %.0f signatures/s", rate(signCount, &sink, signOnce)))
let perRequestRate = rate(signCount, &sink, signPerRequest)
print(String(format: "sign (signer per request, shared cache): %.0f signatures/s", perRequestRate))
if profileCount != nil { exit(sink == 0 ? 1 : 0) }

let size = 256 << 20
let buffer = [UInt8](repeating: 0x5A, count: size)
var digest: [UInt8] = []
let oneShot = clock.measure { digest = Digest.sha256(buffer) }
print(String(format: "sha256 one-shot: %.1f MB/s", Double(size) / 1e6 / seconds(oneShot)))
func streamedDigest(_ buffer: [UInt8]) -> [UInt8] {
    var hasher = SHA256Hasher()
    var offset = 0
    while offset < buffer.count {
        let end = min(offset + (1 << 20), buffer.count)
        buffer[offset..<end].withUnsafeBytes { hasher.update($0) }
        offset = end
    }
    return hasher.finalize()
}
var streamedResult: [UInt8] = []
let streamed = clock.measure { streamedResult = streamedDigest(buffer) }
precondition(streamedResult == digest)
print(String(format: "sha256 streamed (1 MiB chunks): %.1f MB/s", Double(size) / 1e6 / seconds(streamed)))
if sink == 0 { print("") }

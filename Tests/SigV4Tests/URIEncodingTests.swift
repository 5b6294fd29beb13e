import SigV4
import Testing

@Suite("URI encoding")
struct URIEncodingTests {
    @Test("unreserved characters pass through and everything else is %XX with upper-case hex")
    func encodesReservedBytes() {
        #expect(URIEncoding.encode("AZaz09-_.~") == "AZaz09-_.~")
        #expect(URIEncoding.encode("a b+c=d&e/f") == "a%20b%2Bc%3Dd%26e%2Ff")
        #expect(URIEncoding.encode("ሴ") == "%E1%88%B4")
        #expect(URIEncoding.encode("😀*'()") == "%F0%9F%98%80%2A%27%28%29")
    }

    @Test("slashes are kept only when asked to")
    func keepsSlashForPaths() {
        #expect(URIEncoding.encode("/a b/c", keepSlash: true) == "/a%20b/c")
        #expect(URIEncoding.encode("/a b/c") == "%2Fa%20b%2Fc")
    }

    @Test("decoding turns %XX back into bytes, leaves a plus alone and keeps malformed escapes")
    func decodes() {
        #expect(URIEncoding.decode("c%2Bd+e%20f") == "c+d+e f")
        #expect(URIEncoding.decode("%E1%88%B4") == "ሴ")
        #expect(URIEncoding.decode("100%") == "100%")
        #expect(URIEncoding.decode("%zz") == "%zz")
    }

    @Test("a wire path is encoded a second time for every service but S3")
    func doubleEncodesWirePaths() {
        let arnPath = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-fn/invocations"
        #expect(
            CanonicalRequest.canonicalURI(path: arnPath, config: .standard(region: "us-east-1", service: "lambda"))
                == "/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A123456789012%253Afunction%253Amy-fn/invocations")
        #expect(CanonicalRequest.canonicalURI(path: arnPath, config: .s3(region: "us-east-1")) == arnPath)
        // What AWS computes for the wire path of the suite's get-utf8 vector (suite README).
        #expect(CanonicalRequest.canonicalURI(path: "/%E1%88%B4", config: .standard(region: "r", service: "s")) == "/%25E1%2588%25B4")
    }

    @Test("the hex helper renders digests in lower case")
    func hex() {
        #expect(Hex.lowercase([0x00, 0xAB, 0xFF]) == "00abff")
    }
}

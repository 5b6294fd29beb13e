import SigV4
import Testing

@Suite("Canonical request parts")
struct CanonicalRequestTests {
    @Test(
        "dot segments are removed and slash runs collapsed, keeping a trailing slash",
        arguments: [
            ("//", "/"), ("/./", "/"), ("/example/..", "/"), ("/example1/example2/../..", "/"),
            ("/./example", "/example"), ("//example//", "/example/"), ("/a/b/../c/./d/", "/a/c/d/"),
            ("/..", "/"), ("", ""), ("/a%2Fb", "/a%2Fb"),
        ])
    func normalizesPaths(input: String, expected: String) {
        #expect(CanonicalRequest.normalize(input) == expected)
    }

    @Test("S3 paths are neither normalised nor re-encoded; an empty path becomes /")
    func s3PathsStayAsIs() {
        #expect(CanonicalRequest.canonicalURI(path: "//a/./b/../c", config: .s3(region: "us-east-1")) == "//a/./b/../c")
        #expect(CanonicalRequest.canonicalURI(path: "", config: .s3(region: "us-east-1")) == "/")
        #expect(CanonicalRequest.canonicalURI(path: "", config: .standard(region: "r", service: "s")) == "/")
    }

    @Test("query pairs are encoded, sorted by encoded name then value, with name= for empty values")
    func canonicalQuery() {
        let query = CanonicalRequest.canonicalQuery([
            ("Param1", "value2"), ("Param1", "Value1"), ("ሴ", "bar"), ("c+d", ""), ("a b", "x=y&z"),
        ])
        #expect(query == "%E1%88%B4=bar&Param1=Value1&Param1=value2&a%20b=x%3Dy%26z&c%2Bd=")
        #expect(CanonicalRequest.canonicalQuery([]) == "")
    }

    @Test("header values are trimmed and inner whitespace runs, tabs and folded lines become one space")
    func normalizesHeaderValues() {
        #expect(CanonicalHeaders.normalizeValue("  a   b\tc  ") == "a b c")
        #expect(CanonicalHeaders.normalizeValue("value1\n  value2\n     value3") == "value1 value2 value3")
        #expect(CanonicalHeaders.normalizeValue("\"a   b   c\"") == "\"a b c\"")
        #expect(CanonicalHeaders.normalizeValue("plain") == "plain")
        #expect(CanonicalHeaders.normalizeValue("   ") == "")
    }

    @Test("headers are lower-cased, sorted, joined with commas in request order, and hop-by-hop ones dropped")
    func canonicalHeaders() {
        let headers = CanonicalHeaders([
            ("Host", "example.com:8443"), ("My-Header1", "value2"), ("User-Agent", "x"), ("my-header1", "value1"),
            ("Content-Length", "13"), ("Connection", "keep-alive"), ("X-Amzn-Trace-Id", "Root=1"),
            ("Proxy-Authorization", "y"), ("Expect", "100-continue"), ("Transfer-Encoding", "chunked"),
        ])
        #expect(headers.text == "content-length:13\nhost:example.com:8443\nmy-header1:value2,value1\n")
        #expect(headers.signedNames == "content-length;host;my-header1")
    }

    @Test(
        "every never-signed name is dropped whatever its case, and near misses are signed",
        arguments: [
            "User-Agent", "expect", "CONNECTION", "Keep-Alive", "transfer-encoding", "TE", "Upgrade",
            "x-amzn-trace-id", "Authorization", "Proxy-Authorization", "proxy-authenticate", "Proxy-Connection",
            "proxy-", "Proxy-X-Custom-Long-Header-Name", "te-x", "t", "expects", "x-amzn-trace-ids", "proxy",
            "authorizatio", "Upgrade-Insecure-Requests", "",
        ])
    func dropsNeverSignedHeaders(name: String) {
        let headers = CanonicalHeaders([(name, "v"), ("Host", "h")])
        let dropped = CanonicalHeaders.isUnsigned(name.lowercased())
        #expect(headers.names == (dropped ? ["host"] : [name.lowercased(), "host"].sorted()))
    }
}

@Suite("Path normalisation fast path")
struct PathFastPathTests {
    @Test(
        "paths with dot or empty segments are rewritten, others returned as they are",
        arguments: ["/", "/a", "/a/", "/a.b/c..d/...", "/.x/", "/a/.", "/a/..", "/a//b", "//", "/./a", "/../a", "a/b", "/a/b/"])
    func fastPathAgreesWithFullNormalisation(path: String) {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") where segment != "." {
            if segment == ".." { _ = segments.popLast() } else { segments.append(segment) }
        }
        let lead = path.hasPrefix("/") ? "/" : ""
        let trail = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        #expect(CanonicalRequest.normalize(path) == lead + segments.joined(separator: "/") + trail)
    }
}

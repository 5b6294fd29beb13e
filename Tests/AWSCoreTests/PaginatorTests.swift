import AWSCore
import Testing

@Suite("One pagination helper for every list call")
struct PaginatorTests {
    /// Pages keyed by the token that asks for them (nil for the first).
    static func pages(_ table: [String?: ([Int], String?)]) -> (String?) async throws -> (items: [Int], next: String?) {
        { token in
            let page = table[token] ?? ([], nil)
            return (page.0, page.1)
        }
    }

    @Test("pages are read in order until the token is missing or empty")
    func readsToTheEnd() async throws {
        #expect(try await Paginator.collect(Self.pages([nil: ([1, 2], "a"), "a": ([3], "b"), "b": ([4], nil)])) == [1, 2, 3, 4])
        #expect(try await Paginator.collect(Self.pages([nil: ([1], "a"), "a": ([2], "")])) == [1, 2])
    }

    @Test("a token that repeats ends the loop, even when it is not the one just used")
    func repeatedToken() async throws {
        let pages = Self.pages([nil: ([1], "a"), "a": ([2], "b"), "b": ([3], "a")])
        #expect(try await Paginator.collect(pages) == [1, 2, 3])
    }

    @Test("maxPages bounds the calls")
    func maxPages() async throws {
        let pages = Self.pages([nil: ([1], "a"), "a": ([2], "b"), "b": ([3], nil)])
        #expect(try await Paginator.collect(maxPages: 2, pages) == [1, 2])
    }
}

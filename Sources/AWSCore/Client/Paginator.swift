/// Collects every page of a list call, whatever the service calls its token: Lambda's and
/// IAM's `Marker`/`NextMarker` (IAM's only while `IsTruncated`), Logs' and API Gateway's
/// `nextToken`. Every client's list loop goes through it, so each has the same guard: a token
/// that repeats ends the loop (a broken server must not make lambdactl spin forever).
package enum Paginator {
    /// Calls `fetch` with nil, then with each `next` token until one is nil, empty or already
    /// seen, or `maxPages` pages were read, and returns all items in order.
    package static func collect<Item>(
        maxPages: Int = .max, _ fetch: (_ token: String?) async throws -> (items: [Item], next: String?)
    ) async throws -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        var pages = 0
        repeat {
            let page = try await fetch(token)
            pages += 1
            items.append(contentsOf: page.items)
            guard pages < maxPages, let next = page.next, !next.isEmpty, seen.insert(next).inserted else { break }
            token = next
        } while true
        return items
    }
}

import Foundation

/// Runs work on many items at most `jobs` at a time (the app deploy's `--jobs`).
enum BoundedConcurrency {
    /// `work` applied to each item, at most `jobs` at once, results in the items' order. Once
    /// a result `isFailure`, no further item starts (their result stays nil) and those running finish.
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, isFailure: @escaping @Sendable (Output) -> Bool,
        _ work: @escaping @Sendable (Item) async -> Output
    ) async -> [Output?] {
        var results = [Output?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            var stopped = false
            while next < min(max(jobs, 1), items.count) {
                let index = next, item = items[index]
                group.addTask { (index, await work(item)) }
                next += 1
            }
            for await (index, output) in group {
                results[index] = output
                if isFailure(output) { stopped = true }
                if !stopped, next < items.count {
                    let index = next, item = items[index]
                    group.addTask { (index, await work(item)) }
                    next += 1
                }
            }
        }
        return results
    }

    /// `work` on each item, at most `jobs` at once; the first error (by item order) is thrown
    /// once the running work has finished, and no item starts after one failed.
    static func mapThrowing<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, _ work: @escaping @Sendable (Item) async throws -> Output
    ) async throws -> [Output] {
        let results: [Result<Output, any Error>?] = await map(items, jobs: jobs, isFailure: { result in
            if case .failure = result { return true }
            return false
        }) { item in
            do { return .success(try await work(item)) } catch { return .failure(error) }
        }
        var outputs: [Output] = []
        for result in results {
            switch result {
            case .success(let output)?: outputs.append(output)
            case .failure(let error)?: throw error
            case nil: continue
            }
        }
        if outputs.count < items.count { throw CancellationError() }
        return outputs
    }
}

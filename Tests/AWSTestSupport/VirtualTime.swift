import AWSCore
import Foundation
import Synchronization

/// Virtual time for many concurrent tasks, where `ManualClock` (which moves on by each sleep in
/// turn) would add up sleeps that overlap. `run(tasks:_:)` starts the tasks; a sleeping task
/// waits until every live task sleeps, then the earliest deadline wakes and the clock jumps to
/// it. So tasks run one at a time in virtual-time order and no real time is waited. A task must
/// suspend only by sleeping on this clock or on actors (the scripted transport answers at once).
package final class VirtualTime: Sendable {
    private struct Sleeper {
        var deadline: Double
        var order: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = 0.0
        var sleepers: [Sleeper] = []
        var order = 0
        var live = 0
        var sleeps = 0
    }

    private let start: Date
    private let state = Mutex(State())
    private let events: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    /// Virtual time starting at `start`.
    package init(start: Date = ManualClock.sigV4SuiteDate) {
        self.start = start
        (events, signal) = AsyncStream.makeStream(of: Void.self)
    }

    /// Seconds since the start.
    package var elapsed: Double { state.withLock { $0.now } }

    /// How many sleeps the tasks asked for.
    package var sleepCount: Int { state.withLock { $0.sleeps } }

    /// The clock as the `TimeSource` a client takes.
    package var timeSource: TimeSource {
        TimeSource(
            now: { self.start.addingTimeInterval(self.elapsed) },
            sleep: { duration in
                try await withCheckedThrowingContinuation { continuation in
                    self.state.withLock {
                        $0.sleeps += 1
                        $0.order += 1
                        let deadline = $0.now + ManualClock.seconds(duration)
                        $0.sleepers.append(Sleeper(deadline: deadline, order: $0.order, continuation: continuation))
                    }
                    self.signal.yield()
                }
            })
    }

    /// Runs `count` tasks (`body(index)`) to completion in virtual time; their results in index order.
    package func run<T: Sendable>(
        tasks count: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async -> [Result<T, any Error>] {
        state.withLock { $0.live = count }
        let driver = Task { await drive() }
        let results = await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for index in 0..<count {
                group.addTask {
                    let result: Result<T, any Error>
                    do { result = .success(try await body(index)) } catch { result = .failure(error) }
                    self.state.withLock { $0.live -= 1 }
                    self.signal.yield()
                    return (index, result)
                }
            }
            var collected: [(Int, Result<T, any Error>)] = []
            for await item in group { collected.append(item) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        await driver.value
        return results
    }

    /// Wakes the earliest sleeper whenever every live task sleeps; ends when none is live.
    private func drive() async {
        for await _ in events {
            var finished = false
            let next: Sleeper? = state.withLock { state in
                if state.live == 0 {
                    finished = true
                    return nil
                }
                guard state.sleepers.count == state.live,
                    let index = state.sleepers.indices.min(by: {
                        (state.sleepers[$0].deadline, state.sleepers[$0].order)
                            < (state.sleepers[$1].deadline, state.sleepers[$1].order)
                    })
                else { return nil }
                let sleeper = state.sleepers.remove(at: index)
                state.now = max(state.now, sleeper.deadline)
                return sleeper
            }
            if finished { return }
            next?.continuation.resume()
        }
    }
}

import Dispatch
import Foundation

/// Runs many queries at once over one shared index on a fixed pool of worker threads (Dispatch).
///
/// Workers take the next query from a shared counter, so long and short queries balance; results come back
/// in input order and are exactly what running the queries one by one gives.
public struct QueryExecutor: Sendable {
    /// The shared index.
    public let index: SearchIndex
    /// Worker threads.
    public let threads: Int

    /// An executor of `threads` workers (at least 1) over `index`.
    public init(index: SearchIndex, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.index = index
        self.threads = max(1, threads)
    }

    /// Runs every query with `options`; result i answers query i.
    public func run(_ queries: [String], options: SearchOptions = SearchOptions()) -> [Result<SearchResults, any Error>] {
        let slots = ResultSlots(count: queries.count)
        let workers = min(threads, max(1, queries.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = slots.claim() {
                let result: Result<SearchResults, any Error>
                do { result = .success(try index.search(queries[i], options: options)) } catch { result = .failure(error) }
                slots.store(i, result)
            }
        }
        return slots.results
    }
}

/// The shared counter and result array of one batch.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var values: [Result<SearchResults, any Error>?]

    init(count: Int) {
        self.count = count
        values = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    func store(_ i: Int, _ r: Result<SearchResults, any Error>) { lock.withLock { values[i] = r } }

    var results: [Result<SearchResults, any Error>] { lock.withLock { values.map { $0! } } }
}

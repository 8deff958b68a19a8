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

    /// An executor over `index`.
    ///
    /// - Parameters:
    ///   - index: The index every query runs against.
    ///   - threads: Worker threads (at least 1; default: every core).
    public init(index: SearchIndex, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.index = index
        self.threads = max(1, threads)
    }

    /// Runs every query with `options` and blocks until all are answered.
    ///
    /// - Parameters:
    ///   - queries: The query texts.
    ///   - options: The options every query runs with.
    /// - Returns: Result i answers query i: its results, or the error that query threw.
    /// - Complexity: the sum of the queries' costs, spread over `threads` workers.
    public func run(_ queries: [String], options: SearchOptions = SearchOptions()) -> [Result<SearchResults, any Error>] {
        run(queries, options: options, cancellation: nil).map { $0! }
    }

    /// Runs every query with `options`, handing each result to `transform` on the worker that answered it, and
    /// blocks until all are done: per-result work such as formatting output then runs in parallel too.
    ///
    /// - Parameters:
    ///   - queries: The query texts.
    ///   - options: The options every query runs with.
    ///   - transform: Called once per query, on a worker thread, with the query's number and its result.
    /// - Returns: Element i is what `transform` made of query i's result.
    /// - Complexity: the sum of the queries' and the transforms' costs, spread over `threads` workers.
    public func run<Element: Sendable>(_ queries: [String], options: SearchOptions = SearchOptions(),
                                       transform: @Sendable (Int, Result<SearchResults, any Error>) -> Element) -> [Element] {
        run(queries, options: options, cancellation: nil, transform: transform).map { $0! }
    }

    /// Runs every query with `options` on a Dispatch queue, off the cooperative thread pool.
    ///
    /// Cancelling the task stops the batch: no further query starts, the running ones stop within a few
    /// postings blocks, and the call throws `CancellationError`.
    ///
    /// - Parameters:
    ///   - queries: The query texts.
    ///   - options: The options every query runs with.
    /// - Returns: Result i answers query i, the same as the synchronous `run(_:options:)`.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func run(_ queries: [String], options: SearchOptions = SearchOptions()) async throws -> [Result<SearchResults, any Error>] {
        try await run(queries, options: options, finished: nil)
    }

    /// The async batch, calling `finished` with each query's number once it is answered (for tests).
    func run(_ queries: [String], options: SearchOptions,
             finished: (@Sendable (Int) -> Void)?) async throws -> [Result<SearchResults, any Error>] {
        try await BlockingWork.run { cancellation in
            // A slot is empty only when the batch was cancelled; `BlockingWork` then throws and drops this value.
            let slots = run(queries, options: options, cancellation: cancellation, finished: finished)
            return slots.contains { $0 == nil } ? [] : slots.map { $0! }
        }
    }

    /// The batch on `threads` workers; a slot stays nil when `cancellation` stopped the batch before its query.
    private func run(_ queries: [String], options: SearchOptions, cancellation: SearchCancellation?,
                     finished: (@Sendable (Int) -> Void)? = nil) -> [Result<SearchResults, any Error>?] {
        run(queries, options: options, cancellation: cancellation) { i, result in
            finished?(i)
            return result
        }
    }

    /// The batch on `threads` workers, each result transformed where it was answered; a slot stays nil when
    /// `cancellation` stopped the batch before its query.
    private func run<Element: Sendable>(_ queries: [String], options: SearchOptions, cancellation: SearchCancellation?,
                                        transform: @Sendable (Int, Result<SearchResults, any Error>) -> Element) -> [Element?] {
        var options = options
        options.cancellation = cancellation
        let slots = WorkSlots<Element>(count: queries.count)
        let workers = min(threads, max(1, queries.count))
        DispatchQueue.concurrentPerform(iterations: workers) { [options] _ in
            while cancellation?.isCancelled != true, let i = slots.claim() {
                let result: Result<SearchResults, any Error>
                do { result = .success(try index.search(queries[i], options: options)) } catch { result = .failure(error) }
                slots.store(i, transform(i, result))
            }
        }
        return slots.results
    }
}

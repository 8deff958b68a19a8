import Dispatch

/// Runs blocking search work on a Dispatch queue, off Swift's cooperative thread pool, for the async API.
enum BlockingWork {
    /// Runs `body` on a global Dispatch queue and returns its value to the awaiting task.
    ///
    /// Task cancellation sets the `SearchCancellation` handed to `body`, which the query loops look at; a
    /// cancelled run throws `CancellationError` and its (partial) value is dropped.
    ///
    /// - Throws: `CancellationError` when the task was cancelled before or during the run, else what `body` throws.
    static func run<T: Sendable>(_ body: @escaping @Sendable (SearchCancellation) throws -> T) async throws -> T {
        let cancellation = SearchCancellation()
        return try await withTaskCancellationHandler {
            try Task.checkCancellation()
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                DispatchQueue.global(qos: .userInitiated).async {
                    guard !cancellation.isCancelled else { return continuation.resume(throwing: CancellationError()) }
                    do {
                        let value = try body(cancellation)
                        if cancellation.isCancelled {
                            continuation.resume(throwing: CancellationError())
                        } else {
                            continuation.resume(returning: value)
                        }
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}

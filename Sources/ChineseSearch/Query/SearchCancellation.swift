import Foundation

/// A flag shared by the async API and the query loops it runs: set once when the task is cancelled, read
/// every `SearchCancellation.checkInterval` candidate documents by `QueryExecution`.
final class SearchCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Candidate documents a query loop examines between two looks at the flag (a few postings blocks).
    static let checkInterval = 1024

    /// Marks the work as cancelled.
    func cancel() { lock.withLock { cancelled = true } }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { lock.withLock { cancelled } }
}

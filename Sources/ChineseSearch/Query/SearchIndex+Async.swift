extension SearchIndex {
    /// Runs `query` on a Dispatch queue, off the cooperative thread pool, and returns the best hits: the same
    /// results as the synchronous `search(_:options:)`.
    ///
    /// Cancelling the task stops the query within a few postings blocks (the loops look at the task's state
    /// every `SearchCancellation.checkInterval` candidate documents) and throws `CancellationError`.
    ///
    /// - Parameters:
    ///   - query: The query text (see the query syntax in the README).
    ///   - options: Hits to return, mode, BM25 parameters and decorations.
    /// - Returns: The total and the best `options.top` hits, best first.
    /// - Throws: `CancellationError` when the task is cancelled, otherwise what `search(_:options:)` throws.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) async throws -> SearchResults {
        try await BlockingWork.run { cancellation in
            var cancellable = options
            cancellable.cancellation = cancellation
            return try self.search(query, options: cancellable)
        }
    }
}

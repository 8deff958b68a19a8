import ChineseSearch

/// One batch query's output, rendered on the worker that answered it: its lines, whether it found anything,
/// and the error line for standard error when it failed.
struct BatchAnswer: Sendable {
    let lines: [String]
    let found: Bool
    let error: BatchLineError?

    init(query: String, result: Result<SearchResults, any Error>, json: Bool, explain: Bool) {
        switch result {
        case .success(let r):
            lines = QueryCommand.lines(r, json: json, explain: explain)
            found = r.total > 0
            error = nil
        case .failure(let failure):
            let safe = TerminalText.escaped(query)
            lines = [json ? ResultFormat.jsonError(query: query, failure) : "error: \(safe): \(Output.message(failure))"]
            found = false
            error = BatchLineError(query: safe, error: failure)
        }
    }
}

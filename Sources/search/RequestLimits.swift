import ChineseSearch

/// The bounds `serve` puts on one request, so no request can take unbounded time or memory.
struct RequestLimits {
    /// The most bytes of one request line (`--max-request-bytes`, default 1 MB).
    var requestBytes = 1 << 20
    /// The most tokens of one query (`--max-query-tokens`, default 1000).
    var queryTokens = 1000

    /// The limits from the command line.
    init(_ args: Arguments) throws(UsageError) {
        requestBytes = try args.int("--max-request-bytes", default: requestBytes, minimum: 1)
        queryTokens = try args.int("--max-query-tokens", default: queryTokens, minimum: 1)
    }

    /// The error message for a request line of `bytes` bytes, past the limit.
    func tooLong(_ bytes: Int) -> String {
        "request of \(bytes) bytes is longer than the limit of \(requestBytes) bytes (--max-request-bytes)"
    }

    /// Nil when `query` is within the token limit, else the error message (the query is not echoed).
    func check(query: String) -> String? {
        var count = 0
        for _ in Analyzer().tokens(of: query) {
            count += 1
            if count > queryTokens {
                return "query has more than \(queryTokens) tokens, the limit (--max-query-tokens); shorten it"
            }
        }
        return nil
    }
}

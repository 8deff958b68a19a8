/// A query resolved against one index: its distinct tokens with their dictionary entries and statistics, and
/// its clauses as lists of token numbers. Immutable; each execution makes its own cursors from it.
struct QueryPlan {
    /// One distinct token of the query.
    struct Token {
        var element: TermElement
        /// The token's text-field dictionary entry (single-character list for `.prefix`), nil when absent.
        var entry: TermEntry?
        /// For `.prefix`: the dictionary positions of every token beginning with the character.
        var prefixRange: Range<Int>
        /// Whether it adds to scores (tokens only in excluded terms do not).
        var scores: Bool
        var idf: Double
        var titleIdf: Double
    }

    /// A term: its elements as token numbers at consecutive positions.
    struct Term {
        var text: String
        var tokens: [Int]
        /// True when some element is absent from the index, so the term matches nothing.
        var impossible: Bool
    }

    var tokens: [Token] = []
    var clauses: [[Term]] = []
    var excluded: [Term] = []
    /// True when a dictionary entry the query needs does not decode.
    var damaged = false

    enum Failure: Error { case noTokens }

    init(_ parsed: ParsedQuery, reader: IndexReader, analyzer: Analyzer, bm25: BM25) throws(Failure) {
        var numbers: [TermElement: Int] = [:]
        let stats = reader.statistics
        func resolve(_ term: ParsedQuery.Term, scores: Bool) -> Term? {
            let analyzed = QueryTerm(term.text, analyzer: analyzer)
            guard !analyzed.elements.isEmpty else { return nil }
            var ids: [Int] = []
            var impossible = false
            for element in analyzed.elements {
                if let id = numbers[element] {
                    if scores { tokens[id].scores = true }
                    ids.append(id)
                    impossible = impossible || tokens[id].entry == nil
                    continue
                }
                var entry: TermEntry?
                var range = 0..<0
                switch element {
                case .cjk(let key): entry = reader.cjkIndex(of: key).map(reader.cjkEntry)
                case .word(let bytes): entry = bytes.withUnsafeBytes { reader.wordEntry($0) }
                case .prefix(let c):
                    entry = reader.charEntry(c)
                    range = reader.cjkRange(startingWith: c)
                }
                if entry?.damaged == true { damaged = true }
                let df = Int(entry?.df ?? 0), titleDf = Int(entry?.titleDf ?? 0)
                tokens.append(Token(element: element, entry: entry, prefixRange: range, scores: scores,
                                    idf: bm25.idf(documentFrequency: df, documentCount: stats.documentCount),
                                    titleIdf: bm25.idf(documentFrequency: titleDf, documentCount: stats.documentCount)))
                numbers[element] = tokens.count - 1
                ids.append(tokens.count - 1)
                impossible = impossible || entry == nil
            }
            return Term(text: term.text, tokens: ids, impossible: impossible)
        }
        for clause in parsed.clauses {
            let terms = clause.compactMap { resolve($0, scores: true) }
            if !terms.isEmpty { clauses.append(terms) }
        }
        excluded = parsed.excluded.compactMap { resolve($0, scores: false) }
        if clauses.isEmpty { throw .noTokens }
    }
}

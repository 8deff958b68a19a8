/// A query resolved against one segment: its distinct tokens with their dictionary entries and live document
/// frequencies, and its clauses as lists of token numbers. Token numbers come from the query's `QueryAnalysis`
/// alone, so plans of one query over several segments line up token by token; `setStatistics` then gives every
/// plan the idf of the whole index. Immutable once set; each execution makes its own cursors from it.
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
        /// Live documents of this segment whose text (title) field holds the token.
        var liveDf: Int
        var liveTitleDf: Int
        /// Over the whole index: the live document frequencies and their inverse document frequencies.
        var df = 0
        var titleDf = 0
        var idf = 0.0
        var titleIdf = 0.0
    }

    /// A term: its elements as token numbers at consecutive positions.
    struct Term {
        var text: String
        var tokens: [Int]
        /// True when some element is absent from the index, so the term matches nothing.
        var impossible: Bool
        /// True for `title:…`: the elements must stand inside the title (its first positions).
        var titleOnly = false

        /// Whether a document holds the term wherever its token's cursor stands on it: one token, anywhere in
        /// the text, so no positions decide.
        var isMatchedByCursor: Bool { tokens.count == 1 && !titleOnly }
    }

    /// A field filter resolved against the segment.
    enum Filter {
        /// Author value id (nil: no document of the segment has that author).
        case author(UInt32?)
        /// Category value id (nil: no document of the segment has it).
        case category(UInt32?)
        /// Dates in `lower ..< upper`.
        case date(lower: Int64, upper: Int64)
    }

    var tokens: [Token] = []
    var clauses: [[Term]] = []
    var excluded: [Term] = []
    /// Filters every match passes, and filters whose documents are excluded.
    var filters: [Filter] = []
    var excludedFilters: [Filter] = []

    /// True when no document of the segment can match in `mode`: a filter value it lacks, a required clause
    /// none of whose terms it holds (mode all), or none of the tokens (mode any). O(tokens).
    func matchesNothing(_ mode: MatchMode) -> Bool {
        if hasUnmatchableFilter { return true }
        if clauses.isEmpty { return false }  // filters only
        if mode == .any { return !tokens.contains { $0.scores && $0.entry != nil } }
        return clauses.contains { clause in clause.allSatisfy(\.impossible) }
    }

    /// True when a filter asks for a value no document of the segment has: nothing there matches.
    var hasUnmatchableFilter: Bool {
        filters.contains { filter in
            switch filter {
            case .author(let id), .category(let id): return id == nil
            case .date: return false
            }
        }
    }
    /// True when a dictionary entry the query needs does not decode.
    var damaged = false

    /// Resolves the analyzed query against `segment`: each token's dictionary entry and live document
    /// frequencies, each term's possibility, each filter's value ids. O(tokens · log dictionary + filters).
    init(_ analysis: borrowing QueryAnalysis, segment: OpenSegment) {
        let reader = segment.reader
        for (element, scores) in zip(analysis.elements, analysis.scores) {
            var found: (entry: TermEntry, ordinal: Int)?
            var range = 0..<0
            switch element {
            case .cjk(let key):
                found = reader.cjkIndex(of: key).map { (reader.cjkEntry($0), reader.ordinal(ofCJK: $0)) }
            case .word(let bytes):
                found = bytes.withUnsafeBytes { reader.wordIndex($0) }.map { (reader.wordEntry(at: $0), reader.ordinal(ofWord: $0)) }
            case .prefix(let c):
                found = reader.charIndex(of: c).map { (reader.charEntry(at: $0), reader.ordinal(ofCharacter: $0)) }
                range = reader.cjkRange(startingWith: c)
            }
            if found?.entry.damaged == true { damaged = true }
            let live = found.map { segment.liveFrequencies(of: $0.entry, ordinal: $0.ordinal) } ?? (text: 0, title: 0)
            tokens.append(Token(element: element, entry: found?.entry, prefixRange: range, scores: scores,
                                liveDf: live.text, liveTitleDf: live.title))
        }
        let tokens = tokens
        func resolve(_ term: QueryAnalysis.Term) -> Term {
            Term(text: term.text, tokens: term.tokens, impossible: term.tokens.contains { tokens[$0].entry == nil },
                 titleOnly: term.titleOnly)
        }
        clauses = analysis.clauses.map { $0.map(resolve) }
        excluded = analysis.excluded.map(resolve)
        func resolve(_ f: ParsedQuery.Filter) -> Filter {
            switch f {
            case .author(let value): return .author(reader.valueID(.author, value))
            case .category(let value): return .category(reader.valueID(.category, value))
            case .date(let range): return .date(lower: range.lower, upper: range.upper)
            }
        }
        filters = analysis.filters.map(resolve)
        excludedFilters = analysis.excludedFilters.map(resolve)
    }

    /// Gives every token the index-wide live document frequencies `df` and `titleDf` (by token number) and their
    /// idf over `documentCount` live documents.
    mutating func setStatistics(df: [Int], titleDf: [Int], documentCount: Int, bm25: BM25) {
        for i in tokens.indices {
            tokens[i].df = df[i]
            tokens[i].titleDf = titleDf[i]
            tokens[i].idf = bm25.idf(documentFrequency: df[i], documentCount: documentCount)
            tokens[i].titleIdf = bm25.idf(documentFrequency: titleDf[i], documentCount: documentCount)
        }
    }
}

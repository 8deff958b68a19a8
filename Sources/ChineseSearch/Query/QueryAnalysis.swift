/// A query's terms analyzed by the query rules, once per search whatever the segments: the distinct token
/// elements numbered in order of first appearance (the token numbers every `QueryPlan` of the query shares)
/// and each term as token numbers.
///
/// Distinct elements are found by sorting the occurrences, not by hashing them: O(n log n) in the query's
/// elements (a 3,000-character query stays fast), and a process's first query pays no run-time conformance
/// look-ups for a `Dictionary` or `Set` of elements.
struct QueryAnalysis {
    /// A term: its elements as token numbers at consecutive positions.
    struct Term {
        var text: String
        var tokens: [Int]
        /// True for `title:…`: the elements must stand inside the title.
        var titleOnly: Bool
    }

    /// The distinct elements, by token number.
    let elements: [TermElement]
    /// Whether token i adds to scores: it occurs in a term that is not excluded.
    let scores: [Bool]
    /// Required clauses of terms that have elements (a clause none of whose terms has any is dropped).
    let clauses: [[Term]]
    /// Excluded terms that have elements.
    let excluded: [Term]
    /// Filters every match passes, and filters whose documents are excluded.
    let filters: [ParsedQuery.Filter]
    let excludedFilters: [ParsedQuery.Filter]

    enum Failure: Error { case noTokens }

    /// Analyzes every term of `parsed`.
    /// - Throws: `.noTokens` when no term has an element and there is no filter: nothing to search.
    init(_ parsed: ParsedQuery, analyzer: Analyzer) throws(Failure) {
        // Every element occurrence in reading order (clauses, then exclusions), and each term's part of them.
        var occurrences: [TermElement] = []
        func analyze(_ terms: [ParsedQuery.Term]) -> [Part] {
            terms.compactMap { term in
                let elements = QueryTerm(term.text, analyzer: analyzer).elements
                guard !elements.isEmpty else { return nil }
                occurrences.append(contentsOf: elements)
                return Part(term: term, start: occurrences.count - elements.count, end: occurrences.count)
            }
        }
        let clauseParts = parsed.clauses.map(analyze).filter { !$0.isEmpty }
        let scoringEnd = occurrences.count
        let excludedParts = analyze(parsed.excluded)
        let (numbers, elements) = Self.number(occurrences)
        var scores = [Bool](repeating: false, count: elements.count)
        for i in 0..<scoringEnd { scores[numbers[i]] = true }
        func term(_ part: Part) -> Term {
            Term(text: part.term.text, tokens: Array(numbers[part.start..<part.end]), titleOnly: part.term.field == .title)
        }
        self.elements = elements
        self.scores = scores
        clauses = clauseParts.map { $0.map(term) }
        excluded = excludedParts.map(term)
        filters = parsed.filters
        excludedFilters = parsed.excludedFilters
        // A query of filters only is valid: it matches every document passing them.
        if clauses.isEmpty && filters.isEmpty { throw .noTokens }
    }

    /// A term and where its elements stand among the occurrences (bounds, not a `Range`: an array of a type
    /// holding a `Range` costs a conformance look-up the first time it is made).
    private struct Part {
        var term: ParsedQuery.Term
        var start: Int
        var end: Int
    }

    /// The token number of every occurrence, and the distinct elements by number: numbered in order of first
    /// occurrence. O(n log n): the occurrences sorted by element (ties by place), so each run of equal elements
    /// starts at its first occurrence, whose number the run takes.
    private static func number(_ occurrences: [TermElement]) -> (numbers: [Int], elements: [TermElement]) {
        let order = occurrences.indices.sorted { a, b in
            if occurrences[a] < occurrences[b] { return true }
            if occurrences[b] < occurrences[a] { return false }
            return a < b
        }
        // first[i]: the first occurrence of occurrence i's element (never after i).
        var first = [Int](repeating: 0, count: occurrences.count)
        var runStart = 0
        for (k, i) in order.enumerated() {
            if k == 0 || occurrences[order[k - 1]] != occurrences[i] { runStart = i }
            first[i] = runStart
        }
        var numbers = [Int](repeating: 0, count: occurrences.count)
        var elements: [TermElement] = []
        for i in occurrences.indices {
            if first[i] == i {
                numbers[i] = elements.count
                elements.append(occurrences[i])
            } else {
                numbers[i] = numbers[first[i]]
            }
        }
        return (numbers, elements)
    }
}

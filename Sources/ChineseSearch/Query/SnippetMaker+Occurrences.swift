/// The query's occurrences in one document that choose the window: from the positions of its tokens in the
/// index, or for the terms without positions to read, from the tokens of the body's first `scanBytes`.
extension SnippetMaker {
    /// One occurrence of term number `term`: its first and last token positions.
    struct Occurrence {
        var first: Int
        var last: Int
        var term: Int
    }

    /// Whether plan token `t` has positions to steer the window with: every token but a lone final character
    /// beginning more than `prefixListLimit` lists.
    func steers(_ t: Int) -> Bool {
        guard case .prefix = plan.tokens[t].element else { return true }
        return plan.tokens[t].prefixRange.count <= prefixListLimit
    }

    /// The occurrences of the terms that steer (all of whose tokens do) at or past position `titleTokens` of `doc`.
    /// O(positions of the terms' tokens in `doc`): one cursor per distinct list, advanced to `doc` by its skips.
    func occurrencesInBody(_ terms: [QueryPlan.Term], doc: Int, titleTokens: Int) -> [Occurrence] {
        var positions: [Int: [Int]] = [:]
        func positionsOf(_ t: Int) -> [Int] {
            if let known = positions[t] { return known }
            let found = tokenPositions(t, doc: UInt32(doc))
            positions[t] = found
            return found
        }
        var occurrences: [Occurrence] = []
        for (n, term) in terms.enumerated() where term.tokens.allSatisfy(steers) {
            // Start positions p where element i stands at p + i: the first element's, narrowed by each other's.
            var starts = positionsOf(term.tokens[0])
            for (i, t) in term.tokens.enumerated().dropFirst() where !starts.isEmpty {
                let next = positionsOf(t)
                var read = 0, kept = 0
                for q in next where q >= i {
                    if read == starts.count { break }
                    while read < starts.count && starts[read] < q - i { read += 1 }
                    if read < starts.count && starts[read] == q - i {
                        starts[kept] = q - i
                        kept += 1
                        read += 1
                    }
                }
                starts.removeSubrange(kept...)
            }
            for p in starts where p >= titleTokens {
                occurrences.append(Occurrence(first: p, last: p + term.tokens.count - 1, term: n))
            }
        }
        return occurrences
    }

    /// The occurrences of the terms that do not steer by position (a lone common character) in the first
    /// `scanBytes` of the body, from its tokens (the body's start is a restart point); none when every term
    /// steers. O(scanBytes); only the tokens matching an element of those terms are kept (`ElementMatches`).
    func scannedOccurrences(_ terms: [QueryPlan.Term], _ elements: [[TermElement]], _ layout: SnippetFrame.Layout) -> [Occurrence] {
        let unsteered = terms.indices.filter { !terms[$0].tokens.allSatisfy(steers) }
        guard !unsteered.isEmpty else { return [] }
        var matches = ElementMatches(terms: unsteered.map { elements[$0] })
        let read = SnippetFrame.Part.read(reader: reader, analyzer: analyzer, layout: layout,
                                          restart: (layout.titleTokens, layout.bodyStart),
                                          end: layout.bodyStart + Self.scanBytes, into: &matches)
        return matches.occurrences(keepingEndsBefore: read.reachesEnd ? nil : read.cut).map { o in
            Occurrence(first: o.first, last: o.first + elements[unsteered[o.term]].count - 1, term: unsteered[o.term])
        }
    }

    /// The positions of plan token `t` in `doc`, ascending (empty when absent or damaged): its list's, or for a
    /// lone final character the union of the lists of the tokens beginning with it. Cursors come from `cursors`.
    private func tokenPositions(_ t: Int, doc: UInt32) -> [Int] {
        var all: [Int] = []
        func read(list: Int, _ entry: TermEntry) {
            let cursor = cursors.cursor(token: t, list: list, at: doc) { reader.textCursor(entry) }
            guard cursor.doc == doc else { return }
            cursor.forEachPosition { all.append(Int($0)); return true }
        }
        let token = plan.tokens[t]
        if case .prefix = token.element {
            for (n, i) in token.prefixRange.enumerated() { read(list: n, reader.cjkEntry(i)) }
            all.sort()
        } else if let entry = token.entry {
            read(list: 0, entry)
        }
        return all
    }
}

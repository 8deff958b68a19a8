/// Makes the one-line snippet of a hit from the positions of the query's tokens, reading and tokenizing only
/// the bytes around its window: the cost does not grow with the document's length (beyond reading the query
/// tokens' positions in it), so a snippet of a 30 MB document costs what one of a 3 KB document does.
///
/// 1. Occurrences (`SnippetMaker+Occurrences`): a term occurs at p when its element i stands at p + i, read
///    from the postings of its tokens. A lone final character (`.prefix`, no positions in its single-character
///    list) takes the positions of the tokens beginning with it when the segment has at most `prefixListLimit`
///    of them (each costs a cursor). A term with a more common one is found inside the window; and when no
///    other term occurs in the body, in the tokens of the body's first `scanBytes`, to choose the window by.
/// 2. The window (`firstWindowPosition`): among the occurrences in the body (past the title's positions), by
///    first position, the first whose next `windowTokens` positions hold the most distinct terms; with none,
///    the start of the body.
/// 3. Its bytes (`SnippetFrame`): the stored text is tokenized from the nearest restart point at or before the
///    window's first position (a token checkpoint, or the body's start) to just past the window; the window
///    starts `lead` bytes before that token and is `window` bytes long, and every occurrence of every term inside
///    it is its own highlight, so two adjacent 香港 stay two.
struct SnippetMaker {
    let reader: IndexReader
    let plan: QueryPlan
    let analyzer: Analyzer
    /// Lists beginning with a lone final character up to which its positions are read.
    let prefixListLimit: Int
    /// The cursors positions are read through, kept from one snippet to the next (fastest in document order).
    let cursors = SnippetCursors()
    /// The terms that may occur (every clause's, none impossible), and each one's elements: the same for every
    /// snippet of the plan.
    private let terms: [QueryPlan.Term]
    private let elements: [[TermElement]]

    /// The snippets of `plan`'s hits in the segment `reader` reads, tokenized by `analyzer`.
    init(reader: IndexReader, plan: QueryPlan, analyzer: Analyzer,
         prefixListLimit: Int = SnippetMaker.defaultPrefixListLimit) {
        self.reader = reader
        self.plan = plan
        self.analyzer = analyzer
        self.prefixListLimit = prefixListLimit
        terms = plan.clauses.flatMap { $0 }.filter { !$0.impossible }
        elements = terms.map { $0.tokens.map { plan.tokens[$0].element } }
    }

    /// Window length in bytes (about 80 Chinese characters), and how much of it comes before the first match.
    static let window = 240
    static let lead = 60
    /// The window after its lead in token positions, for choosing it: 180 bytes at 3.6 bytes a token (a token per
    /// 3-byte Chinese character, punctuation between). Measured on the generated corpus' query set against the
    /// byte rule of earlier snippets: 40, 45, 54 and 60 positions each show more windows with fewer distinct terms.
    static let windowTokens = 50
    /// 64 lists: a rare character's positions cost at most 64 cursors (a common character has thousands).
    static let defaultPrefixListLimit = 64
    /// Body bytes tokenized for the terms that do not steer by position, when nothing else occurs in the body:
    /// the first 8 KB, where the snippets before positions looked first (about 15 µs).
    static let scanBytes = 8192

    /// The snippet of local document `doc`. O(window + checkpoint interval + the query tokens' positions in `doc`).
    func snippet(for doc: Int) -> Snippet {
        let layout = SnippetFrame.Layout(reader: reader, doc: doc)
        var occurrences = occurrencesInBody(terms, doc: doc, titleTokens: layout.titleTokens)
        if occurrences.isEmpty { occurrences = scannedOccurrences(terms, elements, layout) }
        let frame = firstWindowPosition(occurrences, termCount: terms.count)
            .flatMap { SnippetFrame(reader: reader, analyzer: analyzer, layout: layout, windowAt: $0) }
            ?? SnippetFrame(reader: reader, analyzer: analyzer, bodyStartOf: layout)
        let start = frame.windowStart, end = frame.windowEnd
        var text: [UInt8] = []
        text.reserveCapacity(end - start + 8)
        if start > layout.bodyStart { text.append(contentsOf: "… ".utf8) }
        let shift = text.count - start
        for b in frame.bytes(start..<end) { text.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
        if end < layout.length { text.append(contentsOf: " …".utf8) }
        var highlights: [Range<Int>] = []
        for s in frame.matchSpans(elements) where s.lowerBound >= start && s.upperBound <= end {
            let r = (s.lowerBound + shift)..<(s.upperBound + shift)
            if let last = highlights.last, r.lowerBound < last.upperBound { continue }
            highlights.append(r)
        }
        return Snippet(text: String(decoding: text, as: UTF8.self), highlights: highlights)
    }

    /// The first position of the window: the occurrence whose window of `windowTokens` positions holds the
    /// most distinct terms (of `termCount`), the earliest on ties; nil when there is none.
    /// O(occurrences · log occurrences).
    private func firstWindowPosition(_ found: [Occurrence], termCount: Int) -> Int? {
        guard !found.isEmpty else { return nil }
        let occurrences = found.sorted { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last }
        // Sliding window over the occurrences (by first position): the start whose window holds the most terms.
        var inWindow = [Int](repeating: 0, count: termCount)
        var distinct = 0, best = 0, bestCount = -1, last = 0
        for first in occurrences.indices {
            let limit = occurrences[first].first + Self.windowTokens
            while last < occurrences.count && occurrences[last].last < limit {
                if inWindow[occurrences[last].term] == 0 { distinct += 1 }
                inWindow[occurrences[last].term] += 1
                last += 1
            }
            if distinct > bestCount { bestCount = distinct; best = first }
            if last > first {
                inWindow[occurrences[first].term] -= 1
                if inWindow[occurrences[first].term] == 0 { distinct -= 1 }
            } else {
                last = first + 1
            }
        }
        return occurrences[best].first
    }
}

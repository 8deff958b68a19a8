/// Makes the one-line snippet of a hit: re-tokenizes its stored text (only for the hits shown), finds every
/// occurrence of every query term as a token sequence, and cuts a window around the densest stretch of
/// matches. Each occurrence is its own highlight, so two adjacent 香港 stay two.
///
/// Long documents are not tokenized whole: the scan covers the title and the first 8 KB of the body, doubling
/// until the body shows a match (or the text ends), so the window is the densest among the first matches.
/// Matches are kept only where they end well before the scan's cut, where tokens are exact.
struct SnippetMaker {
    let reader: IndexReader
    let plan: QueryPlan
    let analyzer: Analyzer
    /// Window length in bytes (about 80 Chinese characters), and how much of it comes before the first match.
    static let window = 240
    static let lead = 60
    /// Body bytes scanned first, and the margin before a cut inside which matches are not trusted.
    static let firstScan = 8192
    static let cutMargin = 64

    func snippet(for doc: Int) -> Snippet {
        (reader.storedText(doc) ?? []).withUnsafeBytes { snippet(for: doc, stored: $0) }
    }

    private func snippet(for doc: Int, stored: UnsafeRawBufferPointer) -> Snippet {
        let bodyStart = min(reader.titleByteCount(doc) + 1, stored.count)
        var spans: [(term: Int, span: Range<Int>)] = []
        var scanned = min(stored.count, bodyStart + Self.firstScan)
        while true {
            let length = scanned == stored.count ? scanned : Self.boundary(stored, scanned)
            var sink = SpanSink()
            _ = analyzer.tokenize(stored.bindMemory(to: UInt8.self).extracting(0..<length), firstPosition: 0, into: &sink)
            let trusted = length == stored.count ? length : length - Self.cutMargin
            spans = matchSpans(sink.tokens).filter { $0.span.lowerBound >= bodyStart && $0.span.upperBound <= trusted }
            if !spans.isEmpty || length == stored.count { break }
            scanned = min(stored.count, bodyStart + 2 * (scanned - bodyStart))
        }
        var start = bodyStart
        if !spans.isEmpty {
            // Sliding window over the spans (sorted by start): the start whose window holds the most distinct terms.
            let termCount = (spans.map(\.term).max() ?? 0) + 1
            var inWindow = [Int](repeating: 0, count: termCount)
            var distinct = 0, best = 0, bestCount = -1, last = 0
            for first in spans.indices {
                let limit = spans[first].span.lowerBound + Self.window - Self.lead
                while last < spans.count && spans[last].span.upperBound <= limit {
                    if inWindow[spans[last].term] == 0 { distinct += 1 }
                    inWindow[spans[last].term] += 1
                    last += 1
                }
                if distinct > bestCount { bestCount = distinct; best = first }
                if last > first {
                    inWindow[spans[first].term] -= 1
                    if inWindow[spans[first].term] == 0 { distinct -= 1 }
                } else {
                    last = first + 1
                }
            }
            start = max(bodyStart, spans[best].span.lowerBound - Self.lead)
        }
        start = Self.boundary(stored, start)
        let end = Self.boundary(stored, min(stored.count, start + Self.window))
        var text: [UInt8] = []
        var highlights: [Range<Int>] = []
        if start > bodyStart { text.append(contentsOf: "… ".utf8) }
        let shift = text.count - start
        for b in stored[start..<end] { text.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b) }
        if end < stored.count { text.append(contentsOf: " …".utf8) }
        for s in spans where s.span.lowerBound >= start && s.span.upperBound <= end {
            let r = (s.span.lowerBound + shift)..<(s.span.upperBound + shift)
            if let last = highlights.last, r.lowerBound < last.upperBound { continue }
            highlights.append(r)
        }
        return Snippet(text: String(decoding: text, as: UTF8.self), highlights: highlights)
    }

    /// Moves `offset` back to the start of a UTF-8 character.
    static func boundary(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int {
        var o = offset
        while o > 0 && o < bytes.count && bytes[o] & 0xC0 == 0x80 { o -= 1 }
        return o
    }

    /// Every occurrence of every scoring term, as (term number, byte span), by start.
    private func matchSpans(_ tokens: [SpanSink.Token]) -> [(term: Int, span: Range<Int>)] {
        var out: [(term: Int, span: Range<Int>)] = []
        let terms = plan.clauses.flatMap { $0 }.filter { !$0.impossible }
        for (n, term) in terms.enumerated() {
            let elements = term.tokens.map { plan.tokens[$0].element }
            let m = elements.count
            guard m <= tokens.count else { continue }
            for p in 0...(tokens.count - m) {
                var ok = true
                for i in 0..<m where !tokens[p + i].matches(elements[i]) { ok = false; break }
                if ok {
                    let last = tokens[p + m - 1]
                    let end: Int
                    if case .prefix = elements[m - 1] { end = last.start + last.firstLength } else { end = last.end }
                    out.append((n, tokens[p].start..<end))
                }
            }
        }
        return out.sorted { $0.span.lowerBound != $1.span.lowerBound ? $0.span.lowerBound < $1.span.lowerBound : $0.span.upperBound > $1.span.upperBound }
    }
}

/// Collects tokens with their byte spans for snippets.
private struct SpanSink: TokenSink {
    struct Token {
        var key: UInt64
        var word: [UInt8]?
        var start: Int
        var end: Int
        /// Bytes of the first character (for a prefix match's highlight).
        var firstLength: Int

        func matches(_ e: TermElement) -> Bool {
            switch e {
            case .cjk(let k): return word == nil && key == k
            case .word(let w): return word == w
            case .prefix(let c): return word == nil && CJKKey.first(key) == c
            }
        }
    }

    var tokens: [Token] = []

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        let second = CJKKey.second(key)
        // A bigram spans two characters; the first's length is the span minus the second's encoded length.
        let secondLength = second == 0 ? 0 : (second < 0x80 ? 1 : second < 0x800 ? 2 : second < 0x10000 ? 3 : 4)
        let firstLength = second == 0 ? end - start : max(1, end - start - secondLength)
        tokens.append(Token(key: key, word: nil, start: start, end: end, firstLength: firstLength))
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        tokens.append(Token(key: 0, word: Array(normalized), start: start, end: end, firstLength: end - start))
    }
}

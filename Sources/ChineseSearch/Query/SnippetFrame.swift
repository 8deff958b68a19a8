/// The bytes of a stored text around a snippet's window and their tokens: read through
/// `IndexReader.storedBytes(_:in:)` from a restart point (a token checkpoint, or the body's start) to just past
/// the window, never the whole document.
///
/// Tokenizing from a restart point yields the whole text's tokens from its position on; cut at
/// `CheckpointPicker.cut`, every token ending before the cut is exact, and only those are kept. The window and
/// `overhang` bytes past it lie before the cut, so its highlights are exact.
struct SnippetFrame {
    /// What the document record says of the stored text.
    struct Layout {
        let doc: Int
        /// Bytes of the stored text (title, newline, body).
        let length: Int
        /// Where the body starts: after the title and its newline, a separator, so tokenizing restarts there.
        let bodyStart: Int
        /// Positions of the title: the body's first token is number `titleTokens`.
        let titleTokens: Int

        init(reader: IndexReader, doc: Int) {
            self.doc = doc
            length = reader.storedLength(doc)
            bodyStart = min(reader.titleByteCount(doc) + 1, length)
            titleTokens = Int(reader.titleLength(UInt32(doc)))
        }
    }

    /// Bytes a token takes, for the first guess of how far past a restart point a position lies: Chinese text
    /// takes about 3.3 (a bigram per 3-byte character, punctuation between), words more; a short guess reads again.
    static let bytesPerToken = 4
    /// Bytes past the window that must be tokenized too: a bigram whose first character ends the window (a lone
    /// final character's highlight) reaches one character further, a scalar of up to 4 bytes and a mark it composed.
    static let overhang = 8

    /// Where `text[0]` lies in the stored text.
    private let offset: Int
    private let text: [UInt8]
    private let tokens: Tokens
    /// The window, as byte offsets of the stored text on character boundaries.
    let windowStart: Int
    let windowEnd: Int

    /// The frame of the window whose first occurrence begins at token `position`; nil when that token is not in
    /// the text (a damaged index). Reads from the nearest restart point to just past the window: at most about a
    /// checkpoint interval (128 tokens) more than the window.
    init?(reader: IndexReader, analyzer: Analyzer, layout: Layout, windowAt position: Int) {
        guard let found = Self.locate(reader: reader, analyzer: analyzer, layout: layout, position: position) else { return nil }
        self.init(found.part, from: found.offset, window: found.window)
    }

    /// Finds the window of the occurrence at `position`: from the last restart point at or before it, reads until
    /// that token is exact, steps back one restart point when the window's lead begins before the point, and
    /// reads on until the window ends before the cut. Every round reads more or restarts earlier, so it ends.
    private static func locate(reader: IndexReader, analyzer: Analyzer, layout: Layout,
                               position: Int) -> (part: Part, offset: Int, window: Range<Int>)? {
        let checkpoints = reader.tokenCheckpoints
        let own = checkpoints.checkpoints(of: layout.doc)
        // Restart points: the body's start, then the document's checkpoints past the title.
        func restart(_ k: Int?) -> (position: Int, offset: Int) {
            guard let k, k >= own.lowerBound, checkpoints.position(at: k) > layout.titleTokens else {
                return (layout.titleTokens, layout.bodyStart)
            }
            return (checkpoints.position(at: k), checkpoints.offset(at: k))
        }
        var k = checkpoints.last(in: own, atOrBefore: position)
        let guess = restart(k)
        var end = guess.offset + bytesPerToken * (position - guess.position) + SnippetMaker.window + overhang
        while true {
            let from = restart(k)
            let part = Part(reader: reader, analyzer: analyzer, layout: layout, restart: from, end: end)
            let i = position - from.position
            guard i >= 0, i < part.tokens.count else {
                if part.reachesEnd { return nil }
                end = from.offset + 2 * max(part.text.count, SnippetMaker.window)
                continue
            }
            let wanted = max(layout.bodyStart, from.offset + part.tokens.start(i) - SnippetMaker.lead)
            if wanted < from.offset {
                k = k.map { $0 - 1 }
                continue
            }
            let start = from.offset + boundary(part.text, wanted - from.offset)
            let stop = from.offset + boundary(part.text, min(from.offset + part.text.count, start + SnippetMaker.window) - from.offset)
            if !part.reachesEnd && stop + overhang - from.offset >= part.cut {
                end = stop + overhang + 1
                continue
            }
            return (part, from.offset, start..<stop)
        }
    }

    /// The frame of a window at the start of the body (no occurrence steers it).
    init(reader: IndexReader, analyzer: Analyzer, bodyStartOf layout: Layout) {
        let from = (position: layout.titleTokens, offset: layout.bodyStart)
        let part = Part(reader: reader, analyzer: analyzer, layout: layout, restart: from,
                        end: layout.bodyStart + SnippetMaker.window + Self.overhang + 1)
        let stop = from.offset + Self.boundary(part.text, min(part.text.count, SnippetMaker.window))
        self.init(part, from: from.offset, window: from.offset..<stop)
    }

    private init(_ part: Part, from offset: Int, window: Range<Int>) {
        self.offset = offset
        text = part.text
        tokens = part.tokens
        windowStart = window.lowerBound
        windowEnd = window.upperBound
    }

    /// Moves `offset` back to the start of a UTF-8 character (not before the frame's first byte).
    private static func boundary(_ text: [UInt8], _ offset: Int) -> Int {
        var o = offset
        while o > 0 && o < text.count && text[o] & 0xC0 == 0x80 { o -= 1 }
        return o
    }

    /// The stored text's bytes `range`, which must lie inside the window.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { text[(range.lowerBound - offset)..<(range.upperBound - offset)] }

    /// Every occurrence of every term inside the window, as byte ranges of the stored text, by start (the longer
    /// first): a term's span covers its tokens, ending after the first character of a lone final character.
    /// O(window tokens · term elements).
    func matchSpans(_ terms: [[TermElement]]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var first = 0
        while first < tokens.count && offset + tokens.start(first) < windowStart { first += 1 }
        var last = first
        while last < tokens.count && offset + tokens.start(last) < windowEnd { last += 1 }
        for (term, p) in tokens.occurrences(of: terms, startingIn: first..<last) {
            let elements = terms[term], end = p + elements.count - 1
            let upper: Int
            if case .prefix = elements[elements.count - 1] {
                upper = tokens.start(end) + tokens.firstLength(end)
            } else {
                upper = tokens.end(end)
            }
            out.append((offset + tokens.start(p))..<(offset + upper))
        }
        return out.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
    }
}

extension SnippetFrame {
    /// Bytes read from a restart point and their exact tokens.
    struct Part {
        /// The bytes read, from the restart point; tokens come from `text[0 ..< cut]`.
        let text: [UInt8]
        let cut: Int
        /// Whether the cut is the end of the stored text (then every token is exact).
        let reachesEnd: Bool
        let tokens: Tokens

        /// Reads from `restart` to about `end` (cut where no character is split) and tokenizes.
        init(reader: IndexReader, analyzer: Analyzer, layout: Layout, restart: (position: Int, offset: Int), end: Int) {
            var sink = Tokens()
            (text, cut, reachesEnd) = Self.read(reader: reader, analyzer: analyzer, layout: layout, restart: restart,
                                                end: end, into: &sink)
            if !reachesEnd { sink.keepEndingBefore(cut) }
            tokens = sink
        }

        /// Reads the stored text from `restart` to about `end`, cut where no character is split, and tokenizes
        /// the bytes before the cut into `sink`: the bytes, the cut, and whether the cut is the text's end (only
        /// then do the tokens ending at or after the cut match the whole text's).
        static func read<Sink: TokenSink>(reader: IndexReader, analyzer: Analyzer, layout: Layout,
                                          restart: (position: Int, offset: Int), end: Int,
                                          into sink: inout Sink) -> (text: [UInt8], cut: Int, reachesEnd: Bool) {
            let from = min(restart.offset, layout.length)
            let wanted = min(layout.length, max(end, from))
            let readEnd = min(layout.length, wanted + 3)
            let bytes = reader.storedBytes(layout.doc, in: from..<readEnd)
            let cut = bytes.withUnsafeBytes { CheckpointPicker.cut($0, atOrAfter: wanted - from) }
            bytes.withUnsafeBufferPointer { b in
                _ = analyzer.tokenize(UnsafeBufferPointer(rebasing: b[0..<cut]), firstPosition: restart.position, into: &sink)
            }
            // A damaged block reads short: the text then ends where the readable bytes end.
            return (bytes, cut, from + cut >= layout.length || bytes.count < readEnd - from)
        }
    }

    /// Tokens with their byte ranges in the frame, one record each in one flat array (word bytes in another):
    /// one append per token, nothing allocated per token.
    struct Tokens: TokenSink {
        /// A token: its key (0 for a word), byte range, first character's length, and word bytes (-1 for CJK).
        private struct Span {
            var key: UInt64
            var start: Int
            var end: Int
            var firstLength: Int
            var wordStart: Int
            var wordEnd: Int
        }
        private var spans: [Span] = []
        private var words: [UInt8] = []

        var count: Int { spans.count }
        func start(_ i: Int) -> Int { spans[i].start }
        func end(_ i: Int) -> Int { spans[i].end }
        func firstLength(_ i: Int) -> Int { spans[i].firstLength }

        /// Where each of `terms` (its elements) stands at consecutive tokens beginning in `starts`: (term number,
        /// first token), by term, then token.
        func occurrences(of terms: [[TermElement]], startingIn starts: Range<Int>) -> [(term: Int, first: Int)] {
            var out: [(term: Int, first: Int)] = []
            for (n, elements) in terms.enumerated() where !elements.isEmpty {
                for p in starts where p + elements.count <= count
                    && elements.indices.allSatisfy({ matches(p + $0, elements[$0]) }) {
                    out.append((n, p))
                }
            }
            return out
        }

        /// Whether token `i` is the element `e` of a query term.
        private func matches(_ i: Int, _ e: TermElement) -> Bool {
            let span = spans[i]
            switch e {
            case .cjk(let k): return span.wordStart < 0 && span.key == k
            case .word(let w): return span.wordStart >= 0 && words[span.wordStart..<span.wordEnd].elementsEqual(w)
            case .prefix(let c): return span.wordStart < 0 && CJKKey.first(span.key) == c
            }
        }

        /// Drops the tokens from the first one that does not end before `cut` on (they may differ from the
        /// whole text's).
        mutating func keepEndingBefore(_ cut: Int) {
            var n = 0
            while n < count && end(n) < cut { n += 1 }
            spans.removeSubrange(n...)
        }

        mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
            let second = CJKKey.second(key)
            // A bigram spans two characters; the first's length is the span minus the second's encoded length.
            let secondLength = second == 0 ? 0 : (second < 0x80 ? 1 : second < 0x800 ? 2 : second < 0x10000 ? 3 : 4)
            spans.append(Span(key: key, start: start, end: end,
                              firstLength: second == 0 ? end - start : max(1, end - start - secondLength), wordStart: -1, wordEnd: -1))
        }

        mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            spans.append(Span(key: 0, start: start, end: end, firstLength: end - start, wordStart: words.count,
                              wordEnd: words.count + normalized.count))
            words.append(contentsOf: normalized)
        }
    }
}

@testable import ChineseSearch

/// A slow snippet written straight from the rule, to compare `SnippetMaker` with: it tokenizes the whole stored
/// text, finds every occurrence of every term by scanning all tokens, and tries every window start.
///
/// The rule: occurrences in the body (past the title's tokens) of the terms that steer, or when there are none,
/// those of the other terms that end before the first character boundary 8,192 bytes or more into the body,
/// ordered by first position (the longer first); for each, the occurrences from it on (in that order) whose
/// last token is within 50 positions of its first; the window goes to the first that holds the most distinct
/// terms, starting 60 bytes before its first token (not before the body), 240 bytes long, both ends moved back
/// to a character's start; with no such occurrence, the start of the body. Every occurrence of every term
/// inside the window is a highlight, by start (the longer first), skipping one that overlaps the one before; a
/// lone final character is highlighted up to where the next token (its bigram's second character) starts.
/// "… " before a window that does not start the body, " …" after one that does not end the text, line breaks
/// and tabs as spaces.
struct ReferenceSnippet {
    let stored: [UInt8]
    let titleBytes: Int
    /// All tokens of the stored text, and of each its word's bytes (nil for CJK) and its first character.
    let tokens: [AnalyzedToken]
    private let words: [[UInt8]?]
    private let firstCharacters: [UInt32]
    private let titleTokens: Int

    init(stored: [UInt8], titleBytes: Int) {
        self.stored = stored
        self.titleBytes = titleBytes
        tokens = TokenRecorder.tokens(of: stored).tokens
        words = tokens.map { $0.kind == .word ? Array($0.text.utf8) : nil }
        firstCharacters = tokens.map { $0.text.unicodeScalars.first!.value }
        titleTokens = tokens.filter { $0.utf8Range.lowerBound < titleBytes }.count
    }

    /// The snippet for `terms` (each term's elements), and where its window starts in the stored text;
    /// occurrences of term i choose the window when `steers[i]`.
    func snippet(terms: [[TermElement]], steers: [Bool]) -> (snippet: Snippet, windowStart: Int) {
        let bodyStart = min(titleBytes + 1, stored.count)
        func matches(_ i: Int, _ e: TermElement) -> Bool {
            switch e {
            case .cjk(let key): return tokens[i].key == key
            case .word(let bytes): return words[i] == bytes
            case .prefix(let c): return words[i] == nil && firstCharacters[i] == c
            }
        }
        // Every occurrence: (term, first position, byte span).
        var scanEnd = min(stored.count, bodyStart + 8192)
        while scanEnd < stored.count && stored[scanEnd] & 0xC0 == 0x80 { scanEnd += 1 }
        var occurrences: [(term: Int, first: Int, last: Int, span: Range<Int>)] = []
        for (n, elements) in terms.enumerated() where elements.count <= tokens.count {
            for p in 0...(tokens.count - elements.count) where elements.indices.allSatisfy({ matches(p + $0, elements[$0]) }) {
                let last = p + elements.count - 1
                var end = tokens[last].utf8Range.upperBound
                if case .prefix = elements.last!, tokens[last].kind == .bigram { end = tokens[last + 1].utf8Range.lowerBound }
                occurrences.append((n, p, last, tokens[p].utf8Range.lowerBound..<end))
            }
        }
        var steering = occurrences.filter { $0.first >= titleTokens && steers[$0.term] }
        if steering.isEmpty {
            steering = occurrences.filter { o in
                o.first >= titleTokens && (tokens[o.last].utf8Range.upperBound < scanEnd || scanEnd == stored.count)
            }
        }
        steering.sort { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last }
        var best: Int?, bestCount = -1
        for i in steering.indices {
            var seen = Set<Int>()
            var j = i
            while j < steering.count && steering[j].last < steering[i].first + 50 { seen.insert(steering[j].term); j += 1 }
            if seen.count > bestCount { bestCount = seen.count; best = i }
        }
        func characterStart(_ offset: Int) -> Int {
            var o = offset
            while o > 0 && o < stored.count && stored[o] & 0xC0 == 0x80 { o -= 1 }
            return o
        }
        let start = characterStart(best.map { max(bodyStart, tokens[steering[$0].first].utf8Range.lowerBound - 60) } ?? bodyStart)
        let end = characterStart(min(stored.count, start + 240))
        var text: [UInt8] = start > bodyStart ? Array("… ".utf8) : []
        let shift = text.count - start
        text += stored[start..<end].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }
        if end < stored.count { text += Array(" …".utf8) }
        var highlights: [Range<Int>] = []
        let inside = occurrences.map(\.span).filter { $0.lowerBound >= start && $0.upperBound <= end }
            .sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        for span in inside where highlights.last.map({ span.lowerBound + shift >= $0.upperBound }) ?? true {
            highlights.append((span.lowerBound + shift)..<(span.upperBound + shift))
        }
        return (Snippet(text: String(decoding: text, as: UTF8.self), highlights: highlights), start)
    }
}

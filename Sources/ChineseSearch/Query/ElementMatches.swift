/// A token sink that keeps, of a stretch of text, only the tokens matching an element of some terms (as bits of
/// which), so scanning kilobytes for a few terms stores a few matches, not every token's span.
///
/// Matching is `SnippetFrame.Tokens`'s: a `.cjk` element is a CJK token of that key, a `.word` one a word token of
/// those bytes, a `.prefix` one any CJK token beginning with the character. A term occurs at position p when its
/// element i matches the token at p + i.
struct ElementMatches: TokenSink {
    /// Each term's elements, as bit numbers (the order of their first appearance in the terms).
    private let termElements: [[Int]]
    /// The distinct elements of the terms, one bit each (a term with an element past the 64th never occurs),
    /// by kind: a CJK key or a character with its bit, a word's bytes with its bit.
    private var keys: [(key: UInt64, bit: UInt64)] = []
    private var characters: [(character: UInt32, bit: UInt64)] = []
    private var words: [(bytes: [UInt8], bit: UInt64)] = []
    /// The matching tokens in position order: position and the bits of the elements matched.
    private var positions: [Int] = []
    private var masks: [UInt64] = []
    /// The largest token end seen, and the position of the first token that reached it.
    private var largestEnd = -1
    private var firstAtLargestEnd = 0

    init(terms: [[TermElement]]) {
        var distinct: [TermElement] = []
        termElements = terms.map { term in
            term.map { e in
                if let i = distinct.firstIndex(of: e) { return i }
                distinct.append(e)
                return distinct.count - 1
            }
        }
        for (i, e) in distinct.prefix(64).enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            switch e {
            case .cjk(let k): keys.append((k, bit))
            case .prefix(let c): characters.append((c, bit))
            case .word(let w): words.append((w, bit))
            }
        }
    }

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        var m: UInt64 = 0
        for k in keys where k.key == key { m |= k.bit }
        let first = CJKKey.first(key)
        for c in characters where c.character == first { m |= c.bit }
        record(position, end, m)
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        var m: UInt64 = 0
        for w in words where w.bytes.elementsEqual(normalized) { m |= w.bit }
        record(position, end, m)
    }

    @inline(__always) private mutating func record(_ position: Int, _ end: Int, _ mask: UInt64) {
        if end > largestEnd {
            largestEnd = end
            firstAtLargestEnd = position
        }
        if mask != 0 {
            positions.append(position)
            masks.append(mask)
        }
    }

    /// Where each term occurs, as (term number, first position), by term, then position. With `cut` (the end of
    /// the bytes tokenized, when the text goes on past it), the tokens from the first one ending at the cut on are
    /// dropped first, as `SnippetFrame.Tokens.keepEndingBefore` drops them: they may differ from the whole text's.
    func occurrences(keepingEndsBefore cut: Int?) -> [(term: Int, first: Int)] {
        var kept = positions.count
        if let cut, largestEnd >= cut {
            kept = positions.firstIndex { $0 >= firstAtLargestEnd } ?? positions.count
        }
        var out: [(term: Int, first: Int)] = []
        for (n, term) in termElements.enumerated() where !term.isEmpty && term.allSatisfy({ $0 < 64 }) {
            for i in 0..<kept where masks[i] & (1 << UInt64(term[0])) != 0 {
                // Element j must match the token at positions[i] + j: the j-th kept match after i, if consecutive.
                var matched = true
                for j in 1..<max(1, term.count) {
                    let at = i + j
                    guard at < kept, positions[at] == positions[i] + j, masks[at] & (1 << UInt64(term[j])) != 0 else {
                        matched = false
                        break
                    }
                }
                if matched { out.append((n, positions[i])) }
            }
        }
        return out
    }
}

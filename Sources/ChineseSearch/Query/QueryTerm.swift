/// One element of an analyzed query term: a token to find at a relative position.
enum TermElement: Hashable {
    /// A CJK bigram or run-end token, by key.
    case cjk(UInt64)
    /// A word token, by normalized bytes.
    case word([UInt8])
    /// Any token beginning with this character (a lone CJK character at a term's end).
    case prefix(UInt32)
}

extension TermElement: Comparable {
    /// An order for sorting elements (`QueryAnalysis` numbers distinct ones by it): CJK keys, then words in
    /// byte order, then prefixes; no meaning beyond telling equal elements apart.
    static func < (a: TermElement, b: TermElement) -> Bool {
        switch (a, b) {
        case (.cjk(let x), .cjk(let y)): return x < y
        case (.word(let x), .word(let y)): return x.lexicographicallyPrecedes(y)
        case (.prefix(let x), .prefix(let y)): return x < y
        default: return a.kind < b.kind
        }
    }

    /// The case's place in the order.
    private var kind: Int {
        switch self {
        case .cjk: return 0
        case .word: return 1
        case .prefix: return 2
        }
    }
}

/// A query term as token elements at consecutive positions; it matches where all occur in sequence.
struct QueryTerm: Equatable {
    /// The term as written.
    var text: String
    /// Its elements; element i must be at position p + i.
    var elements: [TermElement]

    /// Analyzes `text` by the query rules: a CJK run of two or more characters gives its bigrams (its run-end
    /// token only when the run ends inside the term), a lone character at the term's end matches every token
    /// beginning with it, words stay words. O(length).
    init(_ text: String, analyzer: Analyzer) {
        self.text = text
        var sink = ElementSink()
        var copy = text
        copy.withUTF8 { _ = analyzer.tokenize($0, firstPosition: 0, into: &sink) }
        var elements = sink.elements
        if let last = elements.last, case .cjk(let key) = last, CJKKey.second(key) == 0 {
            let loneRun: Bool
            if elements.count >= 2, case .cjk(let previous) = elements[elements.count - 2], CJKKey.second(previous) != 0 {
                loneRun = false
            } else {
                loneRun = true
            }
            elements.removeLast()
            if loneRun { elements.append(.prefix(CJKKey.first(key))) }
        }
        self.elements = elements
    }
}

/// Collects analyzer tokens as term elements.
private struct ElementSink: TokenSink {
    var elements: [TermElement] = []

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        elements.append(.cjk(key))
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        elements.append(.word(Array(normalized)))
    }
}

import ChineseSearch

/// Deterministic random corpora and queries over a small alphabet, so that characters, bigrams and words
/// repeat and collide across documents, and queries hit, miss and half-hit (tokens present but apart).
struct RandomCorpus {
    var random: RandomText

    init(seed: UInt64) { random = RandomText(seed: seed) }

    /// Characters drawn most of the time: few enough that most bigrams occur in several documents.
    /// 國 and 際 fold to 国 and 际.
    static let commonCharacters = ["小", "米", "汽", "车", "大", "灯", "工", "厂", "国", "國", "际", "際"]
    /// The rest of the alphabet, drawn less often: with two characters beyond the BMP (extension B), and the
    /// compatibility ideograph U+F900 that folds to 豈 U+8C48.
    static let rareCharacters = ["北", "部", "署", "流", "程", "完", "成", "异", "常", "结", "束", "重", "跑", "后",
                                 "第", "二", "的", "香", "港", "载", "\u{20000}", "\u{2A6A5}", "\u{F900}", "\u{8C48}"]
    /// Words, with full-width and case variants that fold together (ＳＵ７ = SU7 = su7, １０ = 10).
    static let words = ["su7", "SU7", "Su7", "ＳＵ７", "gen", "itgc", "ITGC", "10", "１０", "Ａ", "a", "2024", "ab", "ａｂ"]
    /// Separators: punctuation and white space of both widths.
    static let separators = ["，", "。", "、", "！", " ", " ", "\n", "-", "（", "）", "\u{3000}", ":", "；"]

    mutating func character() -> String {
        random.below(10) < 7 ? random.pick(Self.commonCharacters) : random.pick(Self.rareCharacters)
    }

    /// A run of CJK characters; lone characters and short runs are the most frequent.
    mutating func run(length: Int) -> String {
        (0..<length).map { _ in character() }.joined()
    }

    mutating func runLength() -> Int { random.pick([1, 1, 2, 2, 2, 3, 3, 4, 5, 6]) }

    /// Text of `segments` pieces: CJK runs, words and separators, concatenated (so runs meet words directly).
    mutating func text(segments: Int) -> String {
        var text = ""
        for _ in 0..<segments {
            switch random.below(20) {
            case 0..<11: text += run(length: runLength())
            case 11..<15: text += random.pick(Self.words)
            default: text += random.pick(Self.separators)
            }
        }
        return text
    }

    /// One document; about one title in eight is empty, one document in forty has no text at all.
    mutating func document(_ id: Int, bodySegments: ClosedRange<Int> = 3...40) -> SourceDocument {
        if random.below(40) == 0 { return SourceDocument(path: "doc\(id).md", title: "", body: "") }
        let titleSegments = random.below(8) == 0 ? 0 : 1 + random.below(4)
        let body = bodySegments.lowerBound + random.below(bodySegments.count)
        return SourceDocument(path: "doc\(id).md", title: text(segments: titleSegments), body: text(segments: body))
    }

    mutating func corpus(count: Int, bodySegments: ClosedRange<Int> = 3...40) -> [SourceDocument] {
        (0..<count).map { document($0, bodySegments: bodySegments) }
    }

    // MARK: Queries

    /// About `length` consecutive scalars from a random place in a random document's text field, widened so
    /// that no word is cut (a cut word would rarely match anything).
    private mutating func excerpt(of documents: [SourceDocument], length: Int) -> String {
        let d = random.pick(documents)
        let scalars = Array((d.title + "\n" + d.body).unicodeScalars)
        func inWord(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || (0xFF10...0xFF5A).contains(s.value)
        }
        var start = random.below(max(1, scalars.count - length + 1))
        var end = min(scalars.count, start + length)
        while start > 0, start < scalars.count, inWord(scalars[start - 1]), inWord(scalars[start]) { start -= 1 }
        while end > start, end < scalars.count, inWord(scalars[end - 1]), inWord(scalars[end]) { end += 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    private static func hasTokens(_ text: String) -> Bool { !Analyzer().tokens(of: text).isEmpty }

    /// One unquoted term with at least one token: no white space or quote, not starting with `-`, not `OR`.
    mutating func term(from documents: [SourceDocument]) -> String {
        var term: String
        switch random.below(14) {
        case 0, 1: term = character()                                             // single character
        case 2, 3: term = excerpt(of: documents, length: 2)                       // bigram (or char + separator)
        case 4, 5, 6: term = excerpt(of: documents, length: 3 + random.below(5))  // long, often mixed term
        case 7: term = run(length: 2 + random.below(3))                           // random run: often apart or absent
        case 8: term = random.pick(Self.words)                                    // word
        case 9: term = run(length: runLength()) + random.pick(Self.words)         // 小米SU7, 车SU7
        case 10: term = random.pick(Self.words) + run(length: runLength())        // SU7小米, SU7小 (prefix at the end)
        case 11: term = run(length: 1 + random.below(2)) + random.pick(Self.words) + run(length: runLength())
        default: term = excerpt(of: documents, length: 1)
        }
        // Keep the longest piece between white space and quotes.
        let pieces = term.unicodeScalars.split { $0.properties.isWhitespace || $0 == "\"" }
        term = pieces.max { $0.count < $1.count }.map { String(String.UnicodeScalarView($0)) } ?? ""
        while term.hasPrefix("-") { term.removeFirst() }
        guard Self.hasTokens(term), term != "OR" else { return character() }
        return term
    }

    /// A quoted phrase with at least one token; the text inside may hold white space and punctuation.
    mutating func phrase(from documents: [SourceDocument]) -> String {
        var inside: String
        if random.below(2) == 0 {
            inside = excerpt(of: documents, length: 2 + random.below(8))
        } else {
            inside = (0..<(2 + random.below(2))).map { _ in term(from: documents) }.joined(separator: " ")
        }
        inside.unicodeScalars.removeAll { $0 == "\"" }
        guard Self.hasTokens(inside) else { return "\"" + character() + "\"" }
        return "\"" + inside + "\""
    }

    /// A term or, now and then, a phrase; mostly from `focus`, so that the terms of one query often meet.
    private mutating func termOrPhrase(from documents: [SourceDocument], focus: SourceDocument) -> String {
        let source = random.below(3) == 0 ? documents : [focus]
        return random.below(7) == 0 ? phrase(from: source) : term(from: source)
    }

    private mutating func space() -> String { random.pick([" ", " ", " ", "  ", "\u{3000}", "\t"]) }

    /// A query of one to three required clauses (some with OR alternatives) and sometimes exclusions, placed
    /// between clauses, never next to an OR.
    mutating func query(from documents: [SourceDocument]) -> String {
        let focus = random.pick(documents)
        var pieces: [String] = []
        for _ in 0..<random.pick([1, 1, 1, 2, 2, 3]) {
            var clause = termOrPhrase(from: documents, focus: focus)
            if random.below(4) == 0 {
                for _ in 0..<(1 + random.below(2)) { clause += space() + "OR" + space() + termOrPhrase(from: documents, focus: focus) }
            }
            pieces.append(clause)
        }
        for _ in 0..<random.pick([0, 0, 0, 0, 1, 1, 2]) {
            pieces.insert("-" + termOrPhrase(from: documents, focus: focus), at: random.below(pieces.count + 1))
        }
        var query = pieces[0]
        for piece in pieces.dropFirst() { query += space() + piece }
        return query
    }
}

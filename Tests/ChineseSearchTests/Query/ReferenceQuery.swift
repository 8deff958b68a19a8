import ChineseSearch

/// A query parsed and analyzed by the written specification, with plain code that shares nothing with the
/// engine's `QueryParser` or `QueryTerm`, so both are checked by comparing search results.
///
/// Syntax: white-space separated terms; `A OR B` (a bare, unquoted `OR` or `or` between two terms that are not
/// exclusions) lets either match; `-term` and `NOT term` exclude; a bare `AND` or `and` between two words is
/// dropped; `"quoted words"` is one term. Not modelled: field filters, and operators without their words
/// (the engine rejects them; the random queries never hold them).
struct ReferenceQuery {
    /// One analyzed term: its elements must occur at consecutive positions.
    struct Term {
        var text: String
        var elements: [ReferenceElement]
    }

    /// Required clauses, each a list of alternatives; terms without tokens are left out.
    var clauses: [[Term]] = []
    /// Excluded terms.
    var excluded: [Term] = []

    init(_ text: String) {
        struct Word {
            var text: String
            var quoted: Bool
            var negated: Bool
            var isBare: Bool { !quoted && !negated }
            var isConnector: Bool { isBare && (text == "OR" || text == "or") }
            var isAnd: Bool { isBare && (text == "AND" || text == "and") }
            var isNot: Bool { isBare && text == "NOT" }
        }
        // 1. Words: a `-` directly before a word negates it; a quote runs to the next quote or the end.
        var words: [Word] = []
        var rest = Substring(text).unicodeScalars[...]
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        while let first = rest.first {
            if isSpace(first) { rest.removeFirst(); continue }
            var negated = false
            if first == "-", rest.count > 1, !isSpace(rest[rest.index(after: rest.startIndex)]) {
                negated = true
                rest.removeFirst()
            }
            if rest.first == "\"" {
                rest.removeFirst()
                let body = rest.prefix { $0 != "\"" }
                rest = rest.dropFirst(body.count + 1)
                words.append(Word(text: String(String.UnicodeScalarView(body)), quoted: true, negated: negated))
            } else {
                let body = rest.prefix { !isSpace($0) }
                rest = rest.dropFirst(body.count)
                words.append(Word(text: String(String.UnicodeScalarView(body)), quoted: false, negated: negated))
            }
        }
        // 2. NOT before a word that is no connector and not negated negates it; AND between two words that are
        //    no connectors goes.
        var k = 0
        while k + 1 < words.count {
            let next = words[k + 1]
            if words[k].isNot, !next.negated, !next.isConnector, !next.isAnd, !next.isNot {
                words.remove(at: k)
                words[k].negated = true
            }
            k += 1
        }
        words = words.enumerated().filter { k, word in
            !(word.isAnd && k > 0 && k + 1 < words.count && !words[k + 1].isConnector && !words[k + 1].isAnd)
        }.map(\.element)
        // 3. Clauses: an OR between two positive terms joins the right one to the left one's clause.
        var rawClauses: [[String]] = []
        var rawExcluded: [String] = []
        var joinNext = false
        for (k, word) in words.enumerated() {
            if word.isConnector, k > 0, !words[k - 1].negated, !rawClauses.isEmpty,
               k + 1 < words.count, !words[k + 1].negated, !words[k + 1].isConnector {
                joinNext = true
                continue
            }
            if word.negated {
                rawExcluded.append(word.text)
            } else if joinNext {
                rawClauses[rawClauses.count - 1].append(word.text)
            } else {
                rawClauses.append([word.text])
            }
            joinNext = false
        }
        // 4. Analysis; a term without tokens imposes nothing.
        clauses = rawClauses.map { $0.compactMap(ReferenceQuery.analyze) }.filter { !$0.isEmpty }
        excluded = rawExcluded.compactMap(ReferenceQuery.analyze)
    }

    /// The elements of one term by the query rules, nil when it has no tokens.
    ///
    /// The token stream is cut into units (a CJK run: its bigrams then its run-end token; or one word). Every
    /// unit keeps all its tokens except the last unit of the term: a CJK run of two or more characters there
    /// loses its run-end token, a lone character becomes "any token beginning with it".
    static func analyze(_ text: String) -> Term? {
        var units: [[AnalyzedToken]] = []
        var open: [AnalyzedToken] = []
        for token in Analyzer().tokens(of: text) {
            switch token.kind {
            case .bigram: open.append(token)
            case .end: units.append(open + [token]); open = []
            case .word: units.append([token])
            }
        }
        precondition(open.isEmpty, "a CJK run without its run-end token in \(text)")
        guard let last = units.popLast() else { return nil }
        var elements = units.flatMap { $0.map(ReferenceElement.init) }
        if last[0].kind == .word {
            elements.append(ReferenceElement(last[0]))
        } else if last.count == 1 {
            elements.append(.prefix(last[0].text.unicodeScalars.first!))
        } else {
            elements += last.dropLast().map(ReferenceElement.init)
        }
        return Term(text: text, elements: elements)
    }
}

/// A query element: one exact token, or any CJK token beginning with a character.
enum ReferenceElement: Hashable {
    /// A token by kind and normalized text.
    case token(TokenKind, String)
    /// Any bigram or run-end token whose first character is this one.
    case prefix(Unicode.Scalar)

    init(_ token: AnalyzedToken) { self = .token(token.kind, token.text) }
}

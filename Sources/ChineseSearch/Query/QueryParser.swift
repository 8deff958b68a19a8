/// A query as the user wrote it, before analysis.
///
/// Syntax: terms separated by white space must all match (mode all); `A OR B` lets either match; `-term`
/// excludes documents that match it; `"quoted words"` is one term matched as a phrase.
struct ParsedQuery: Equatable {
    /// A term as written: its text and whether it was quoted.
    struct Term: Equatable {
        var text: String
        var quoted: Bool
    }

    /// Required clauses; each is a list of alternatives joined by OR.
    var clauses: [[Term]] = []
    /// Terms whose documents are excluded.
    var excluded: [Term] = []
}

/// Splits query text into terms, OR groups and exclusions. O(length of the query).
enum QueryParser {
    static func parse(_ text: String) -> ParsedQuery {
        var words: [(term: ParsedQuery.Term, negated: Bool, bareOR: Bool)] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        while i < scalars.count {
            if isSpace(scalars[i]) { i += 1; continue }
            var negated = false
            if scalars[i] == "-" && i + 1 < scalars.count && !isSpace(scalars[i + 1]) {
                negated = true
                i += 1
            }
            if scalars[i] == "\"" {
                var j = i + 1
                var s = String.UnicodeScalarView()
                while j < scalars.count && scalars[j] != "\"" { s.append(scalars[j]); j += 1 }
                words.append((ParsedQuery.Term(text: String(s), quoted: true), negated, false))
                i = j + 1
            } else {
                var j = i
                var s = String.UnicodeScalarView()
                while j < scalars.count && !isSpace(scalars[j]) { s.append(scalars[j]); j += 1 }
                let word = String(s)
                words.append((ParsedQuery.Term(text: word, quoted: false), negated, !negated && word == "OR"))
                i = j
            }
        }
        var query = ParsedQuery()
        var k = 0
        var joinNext = false
        while k < words.count {
            let w = words[k]
            let hasLeft = !query.clauses.isEmpty && k > 0 && !words[k - 1].negated
            let hasRight = k + 1 < words.count && !words[k + 1].negated && !words[k + 1].bareOR
            if w.bareOR && hasLeft && hasRight {
                joinNext = true
                k += 1
                continue
            }
            if w.negated {
                query.excluded.append(w.term)
            } else if joinNext {
                query.clauses[query.clauses.count - 1].append(w.term)
            } else {
                query.clauses.append([w.term])
            }
            joinNext = false
            k += 1
        }
        return query
    }
}

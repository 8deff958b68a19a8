/// One white-space separated word of a query, before it becomes a term or a filter.
struct QueryWord: Equatable {
    /// The fields that are special before a colon.
    enum Field: Equatable {
        case none, title, author, category, date

        /// True for the fields that filter rather than match terms.
        var isFilter: Bool { self == .author || self == .category || self == .date }

        /// The field named `name` (any ASCII case), `.none` for every other name.
        init(name: String) {
            switch name.lowercased() {
            case "title": self = .title
            case "author": self = .author
            case "category", "categories": self = .category
            case "date": self = .date
            default: self = .none
            }
        }
    }

    /// The connectors that are words of their own.
    enum Connector: Equatable { case and, or }

    /// The word as written, without a leading `-` (for messages).
    var written: String
    /// The text: the whole word, or the value after `field:`; without its quotes.
    var text: String
    var quoted: Bool
    var negated: Bool
    var field: Field
    /// The field's name as written (`Author`), for messages.
    var fieldName: String = ""

    /// `AND`/`and` or `OR`/`or`, unquoted and not negated.
    var connector: Connector? {
        guard !quoted && !negated && field == .none else { return nil }
        switch text {
        case "AND", "and": return .and
        case "OR", "or": return .or
        default: return nil
        }
    }

    /// `NOT`, unquoted and not negated.
    var isNOT: Bool { !quoted && !negated && field == .none && text == "NOT" }

    /// What the word contributes to the query.
    enum Item {
        case term(ParsedQuery.Term)
        case filter(ParsedQuery.Filter)
    }

    /// The term or filter of this word.
    /// - Throws: `QuerySyntaxError.emptyFilter` for a field without a value, `.malformedDate` for a bad date.
    func item(analyzer: Analyzer) throws(QuerySyntaxError) -> Item {
        switch field {
        case .none:
            return .term(ParsedQuery.Term(text: text, quoted: quoted))
        case .title:
            guard !text.isEmpty else { throw .emptyFilter(field: fieldName) }
            return .term(ParsedQuery.Term(text: text, quoted: quoted, field: .title))
        case .author, .category:
            let value = analyzer.normalizedFieldValue(text)
            guard !value.isEmpty else { throw .emptyFilter(field: fieldName) }
            return .filter(field == .author ? .author(value) : .category(value))
        case .date:
            guard !text.isEmpty else { throw .emptyFilter(field: fieldName) }
            return .filter(.date(try DateRange(filter: text)))
        }
    }

    /// Whether `s` separates words: Unicode's White_Space property (what `Unicode.Scalar.Properties.isWhitespace`
    /// reads), written out so that a process's first query does not search the stdlib's property tables.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The words of `query`: a `-` directly before a word negates it; a quote runs to the next quote or the
    /// end; `field:"…"` takes a quoted value, which may hold white space.
    static func split(_ query: String) -> [QueryWord] {
        let scalars = Array(query.unicodeScalars)
        // Where each scalar starts in the UTF-8 bytes (and the end): a word's text is decoded from its bytes.
        var starts = [Int](repeating: 0, count: scalars.count + 1)
        for (i, s) in scalars.enumerated() { starts[i + 1] = starts[i] + UTF8.width(s) }
        let bytes = Array(query.utf8)
        func text(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: $0[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self) }
        }
        /// The end of a quoted run whose text starts at `start`: the closing quote, or the end.
        func quoteEnd(from start: Int) -> Int { scalars[start...].firstIndex(of: "\"") ?? scalars.count }

        var words: [QueryWord] = []
        var i = 0
        while i < scalars.count {
            if Self.isSpace(scalars[i]) { i += 1; continue }
            var negated = false
            if scalars[i] == "-" && i + 1 < scalars.count && !Self.isSpace(scalars[i + 1]) {
                negated = true
                i += 1
            }
            let start = i
            if scalars[i] == "\"" {
                let end = quoteEnd(from: i + 1)
                words.append(QueryWord(written: text(start..<min(end + 1, scalars.count)), text: text(i + 1..<end),
                                       quoted: true, negated: negated, field: .none))
                i = end + 1
                continue
            }
            var end = i
            while end < scalars.count && !Self.isSpace(scalars[end]) { end += 1 }
            var word = QueryWord(written: text(start..<end), text: text(start..<end), quoted: false, negated: negated, field: .none)
            if let colon = scalars[start..<end].firstIndex(of: ":") {
                let field = Field(name: text(start..<colon))
                if field != .none {
                    word.field = field
                    word.fieldName = text(start..<colon)
                    if colon + 1 < scalars.count && scalars[colon + 1] == "\"" {
                        let close = quoteEnd(from: colon + 2)
                        end = min(close + 1, scalars.count)
                        word.text = text(colon + 2..<close)
                        word.quoted = true
                        word.written = text(start..<end)
                    } else {
                        word.text = text(colon + 1..<end)
                    }
                }
            }
            words.append(word)
            i = end
        }
        return words
    }
}

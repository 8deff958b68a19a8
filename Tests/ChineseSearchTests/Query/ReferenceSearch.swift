import Foundation
import ChineseSearch

/// A deliberately simple, slow search engine written from the query specification, to check `SearchIndex`
/// against: every document's tokens are kept as a plain array, terms are matched by trying every start
/// position, and scores are summed in Double straight from the BM25 formula. O(documents × tokens) per query.
final class ReferenceSearch {
    /// One document: its text field (title + "\n" + body) as token numbers, and how many belong to the title.
    struct Document {
        var tokens: [Int]
        var titleLength: Int
    }

    /// Results of one query, best first (score descending, then document id ascending).
    struct Results {
        var hits: [(doc: Int, score: Double)]
        var total: Int { hits.count }
    }

    /// The query had no term with a token to search for.
    struct EmptyQuery: Error {}

    private(set) var documents: [Document] = []
    /// Each distinct token (kind and text) numbered in order of first appearance; the first character of each
    /// CJK token by number (nil for words).
    private var tokenNumbers: [ReferenceElement: Int] = [:]
    private var firstCharacter: [Unicode.Scalar?] = []
    /// Documents whose title tokens differ from the start of their text field's tokens (should be none).
    private(set) var titleMismatches: [Int] = []
    private var frequencyCache: [ReferenceElement: Frequencies] = [:]
    private var averageTextLength = 0.0
    private var averageTitleLength = 0.0

    init(_ sources: [SourceDocument]) {
        let analyzer = Analyzer()
        var textTokens = 0, titleTokens = 0
        for (id, source) in sources.enumerated() {
            let text = analyzer.tokens(of: source.title + "\n" + source.body)
            let title = analyzer.tokens(of: source.title)
            let sameStart = title.count <= text.count && zip(title, text).allSatisfy { t, x in
                t.text == x.text && t.kind == x.kind && t.position == x.position && t.utf8Range == x.utf8Range
            }
            if !sameStart { titleMismatches.append(id) }
            documents.append(Document(tokens: text.map(number), titleLength: title.count))
            textTokens += text.count
            titleTokens += title.count
        }
        averageTextLength = sources.isEmpty ? 0 : Double(textTokens) / Double(sources.count)
        averageTitleLength = sources.isEmpty ? 0 : Double(titleTokens) / Double(sources.count)
    }

    private func number(_ token: AnalyzedToken) -> Int {
        let element = ReferenceElement(token)
        if let n = tokenNumbers[element] { return n }
        tokenNumbers[element] = firstCharacter.count
        firstCharacter.append(token.kind == .word ? nil : token.text.unicodeScalars.first)
        return firstCharacter.count - 1
    }

    /// An element resolved against the corpus: the token number it stands for, or the character it begins with.
    private enum Resolved {
        case number(Int?)
        case prefix(Unicode.Scalar)
    }

    private func resolve(_ element: ReferenceElement) -> Resolved {
        switch element {
        case .token: return .number(tokenNumbers[element])
        case .prefix(let c): return .prefix(c)
        }
    }

    /// Whether the token at `position` of `doc` is an instance of `element`.
    private func token(_ doc: Document, _ position: Int, is element: Resolved) -> Bool {
        let n = doc.tokens[position]
        switch element {
        case .number(let wanted): return wanted == n
        case .prefix(let c): return firstCharacter[n] == c
        }
    }

    /// Occurrences of one element in every document's text and title fields, and the documents holding it.
    private struct Frequencies {
        var text: [Int] = []
        var title: [Int] = []
        var df = 0
        var titleDf = 0
    }

    /// Counts `element` in every document by looking at every token (cached per element).
    private func frequencies(_ element: ReferenceElement) -> Frequencies {
        if let cached = frequencyCache[element] { return cached }
        // The token numbers that are instances of the element.
        var instances = [Bool](repeating: false, count: firstCharacter.count)
        switch resolve(element) {
        case .number(let n): if let n { instances[n] = true }
        case .prefix(let c): for n in instances.indices where firstCharacter[n] == c { instances[n] = true }
        }
        var result = Frequencies()
        for doc in documents {
            var text = 0, title = 0
            for position in 0..<doc.tokens.count where instances[doc.tokens[position]] {
                text += 1
                if position < doc.titleLength { title += 1 }
            }
            result.text.append(text)
            result.title.append(title)
        }
        result.df = result.text.filter { $0 > 0 }.count
        result.titleDf = result.title.filter { $0 > 0 }.count
        frequencyCache[element] = result
        return result
    }

    /// A term's elements, resolved, with their frequencies.
    private struct ResolvedTerm {
        var elements: [Resolved]
        var frequencies: [Frequencies]
    }

    private func resolve(_ term: ReferenceQuery.Term) -> ResolvedTerm {
        ResolvedTerm(elements: term.elements.map(resolve), frequencies: term.elements.map(frequencies))
    }

    /// Whether `term`'s elements occur at consecutive positions somewhere in document `id`'s text field.
    private func matches(_ term: ResolvedTerm, _ id: Int) -> Bool {
        // Only a shortcut: a document lacking one of the elements cannot hold them in sequence.
        if term.frequencies.contains(where: { $0.text[id] == 0 }) { return false }
        let doc = documents[id]
        let count = term.elements.count
        guard doc.tokens.count >= count else { return false }
        for start in 0...(doc.tokens.count - count) {
            var all = true
            for i in 0..<count where !token(doc, start + i, is: term.elements[i]) { all = false; break }
            if all { return true }
        }
        return false
    }

    /// Every matching document of `query`, ranked. Throws `EmptyQuery` when no required term has a token.
    func search(_ query: String, options: SearchOptions) throws -> Results {
        let parsed = ReferenceQuery(query)
        guard !parsed.clauses.isEmpty else { throw EmptyQuery() }
        let clauses = parsed.clauses.map { $0.map(resolve) }
        let excluded = parsed.excluded.map(resolve)
        // Every distinct token of the required terms scores, OR alternatives included.
        let scoring = Set(parsed.clauses.joined().flatMap(\.elements)).map(frequencies)
        let n = Double(documents.count)
        let (k1, b) = (options.bm25.k1, options.bm25.b)
        func bm25(tf: Int, df: Int, length: Int, average: Double) -> Double {
            let idf = log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
            let tf = Double(tf)
            return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / average))
        }
        var hits: [(doc: Int, score: Double)] = []
        for (id, doc) in documents.enumerated() {
            if excluded.contains(where: { matches($0, id) }) { continue }
            let wanted: Bool
            switch options.mode {
            case .all: wanted = clauses.allSatisfy { clause in clause.contains { matches($0, id) } }
            case .any: wanted = scoring.contains { $0.text[id] > 0 }
            }
            guard wanted else { continue }
            var text = 0.0, title = 0.0
            for f in scoring {
                if f.text[id] > 0 { text += bm25(tf: f.text[id], df: f.df, length: doc.tokens.count, average: averageTextLength) }
                if f.title[id] > 0 { title += bm25(tf: f.title[id], df: f.titleDf, length: doc.titleLength, average: averageTitleLength) }
            }
            hits.append((id, text + options.titleWeight * title))
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        return Results(hits: hits)
    }
}

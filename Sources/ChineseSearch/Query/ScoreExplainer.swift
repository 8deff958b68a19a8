/// Breaks a hit's score into per-token, per-field contributions (the same arithmetic as `QueryExecution.score`).
struct ScoreExplainer {
    let reader: IndexReader
    let plan: QueryPlan
    let options: SearchOptions
    /// The statistics of the whole index, as scoring uses them.
    let stats: IndexStatistics

    func explain(_ doc: UInt32) -> [TokenExplanation] {
        var out: [TokenExplanation] = []
        for token in plan.tokens where token.scores {
            guard let entry = token.entry else { continue }
            let name = Self.name(token.element)
            let c = reader.textCursor(entry)
            c.advance(to: doc)
            guard c.doc == doc else { continue }
            let length = Int(reader.textLength(doc))
            out.append(TokenExplanation(token: name, field: .text, tf: Int(c.tf), df: token.df, idf: token.idf,
                                        fieldLength: length, averageFieldLength: stats.averageTextLength,
                                        contribution: options.bm25.score(tf: Double(c.tf), idf: token.idf, length: Double(length),
                                                                         averageLength: stats.averageTextLength)))
            if let t = reader.titleCursor(entry) {
                t.advance(to: doc)
                if t.doc == doc {
                    let titleLength = Int(reader.titleLength(doc))
                    let s = options.bm25.score(tf: Double(t.tf), idf: token.titleIdf, length: Double(titleLength),
                                               averageLength: stats.averageTitleLength)
                    out.append(TokenExplanation(token: name, field: .title, tf: Int(t.tf), df: token.titleDf,
                                                idf: token.titleIdf, fieldLength: titleLength,
                                                averageFieldLength: stats.averageTitleLength,
                                                contribution: options.titleWeight * s))
                }
            }
        }
        return out
    }

    /// The display text of a token: 小米, 米∎, 车*, or the word.
    static func name(_ element: TermElement) -> String {
        func scalar(_ v: UInt32) -> String { Unicode.Scalar(v).map { String(Character($0)) } ?? "?" }
        switch element {
        case .cjk(let key):
            let second = CJKKey.second(key)
            return scalar(CJKKey.first(key)) + (second == 0 ? "∎" : scalar(second))
        case .word(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .prefix(let c): return scalar(c) + "*"
        }
    }
}

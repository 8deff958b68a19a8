import ChineseSearch

/// `search analyze TEXT [--json]`
enum AnalyzeCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["analyze"])
        if args.has("--help") { print(Help.analyze); return 0 }
        guard !args.positional.isEmpty else { throw UsageError("analyze needs text: search analyze TEXT") }
        let text = args.positional.joined(separator: " ")
        let tokens = Analyzer().tokens(of: text)
        let kinds: [TokenKind: String] = [.bigram: "bigram", .end: "end", .word: "word"]
        if args.has("--json") {
            Output.line(JSONText.object([("tokens", JSONText.array(tokens.map { t in
                JSONText.object([("text", JSONText.quote(t.text)), ("kind", JSONText.quote(kinds[t.kind]!)),
                                 ("position", "\(t.position)"), ("start", "\(t.scalarRange.lowerBound)"),
                                 ("end", "\(t.scalarRange.upperBound)")])
            }))]))
        } else {
            for t in tokens {
                Output.line("\(t.position)\t\(kinds[t.kind]!)\t\(t.text)\t\(t.scalarRange.lowerBound)-\(t.scalarRange.upperBound)")
            }
        }
        return 0
    }
}

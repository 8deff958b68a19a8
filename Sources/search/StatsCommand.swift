import ChineseSearch
import Foundation

/// `search stats [--index PATH] [--json]` and `search verify [--index PATH]`
enum StatsCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, options: ["--index"], switches: ["--json"])
        if args.has("--help") { print(Help.stats); return 0 }
        guard args.positional.isEmpty else { throw UsageError("stats takes no words; see search stats --help") }
        let index = try SearchIndex(path: args.string("--index") ?? "Index/search.idx")
        let s = index.statistics
        let terms = s.cjkTermCount + s.wordTermCount
        if args.has("--json") {
            Output.line(JSONText.object([
                ("documents", "\(s.documentCount)"), ("tokens", "\(s.textTokens)"), ("title_tokens", "\(s.titleTokens)"),
                ("distinct_terms", "\(terms)"), ("cjk_terms", "\(s.cjkTermCount)"), ("word_terms", "\(s.wordTermCount)"),
                ("characters", "\(s.charTermCount)"), ("postings", "\(s.postingCount)"),
                ("average_text_length", JSONText.number(s.averageTextLength, decimals: 3)),
                ("average_title_length", JSONText.number(s.averageTitleLength, decimals: 3)),
                ("file_bytes", "\(index.fileSize)"),
                ("sections", JSONText.object(index.sectionSizes.map { ($0.name, "\($0.bytes)") })),
            ]))
        } else {
            Output.line("documents            \(s.documentCount)")
            Output.line("tokens (text field)  \(s.textTokens)")
            Output.line("tokens (title field) \(s.titleTokens)")
            Output.line("distinct terms       \(terms) (\(s.cjkTermCount) CJK, \(s.wordTermCount) words; \(s.charTermCount) characters)")
            Output.line("postings             \(s.postingCount) (term, document) pairs")
            Output.line("average text length  \(JSONText.number(s.averageTextLength, decimals: 2)) tokens")
            Output.line("average title length \(JSONText.number(s.averageTitleLength, decimals: 2)) tokens")
            Output.line("file size            \(index.fileSize) bytes (\(IndexCommand.size(index.fileSize)))")
            for section in index.sectionSizes {
                Output.line("  \(section.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(section.bytes)")
            }
        }
        return 0
    }
}

/// `search verify [FILE | --index PATH]`
enum VerifyCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, options: ["--index"], switches: [])
        if args.has("--help") { print(Help.verify); return 0 }
        guard args.positional.count <= 1, args.positional.isEmpty || args.string("--index") == nil else {
            throw UsageError("verify takes one index file, as FILE or --index PATH; see search verify --help")
        }
        let path = args.positional.first ?? args.string("--index") ?? "Index/search.idx"
        let index = try SearchIndex(path: path)
        try index.verify()
        Output.line("\(path): OK (\(index.documentCount) documents, \(index.fileSize) bytes, every checksum and list verified)")
        return 0
    }
}

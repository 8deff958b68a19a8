import ChineseSearch
import Foundation

/// `search stats [--index PATH] [--json]` and `search verify [--index PATH]`
enum StatsCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["stats"])
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
                ("generation", "\(index.generation)"),
                ("segments", JSONText.array(index.segments.map { s in
                    JSONText.object([("documents", "\(s.documents)"), ("deleted", "\(s.deleted)"), ("bytes", "\(s.bytes)")])
                })),
                ("deleted_documents", "\(index.segments.reduce(0) { $0 + $1.deleted })"),
                ("dead_bytes", "\(index.deadBytes)"),
                ("sections", JSONText.object(index.sectionSizes.map { ($0.name, "\($0.bytes)") })),
            ]))
        } else {
            let deleted = index.segments.reduce(0) { $0 + $1.deleted }
            Output.line("documents            \(s.documentCount) live, \(deleted) deleted")
            Output.line("segments             \(index.segments.count) (commit \(index.generation))")
            for (i, segment) in index.segments.enumerated() {
                Output.line("  segment \(i + 1)".padding(toLength: 21, withPad: " ", startingAt: 0)
                            + "\(segment.documents) documents, \(segment.deleted) deleted, \(IndexCommand.size(segment.bytes))")
            }
            Output.line("tokens (text field)  \(s.textTokens)")
            Output.line("tokens (title field) \(s.titleTokens)")
            Output.line("distinct terms       \(terms) (\(s.cjkTermCount) CJK, \(s.wordTermCount) words; \(s.charTermCount) characters)")
            Output.line("postings             \(s.postingCount) (term, document) pairs")
            Output.line("average text length  \(JSONText.number(s.averageTextLength, decimals: 2)) tokens")
            Output.line("average title length \(JSONText.number(s.averageTitleLength, decimals: 2)) tokens")
            Output.line("file size            \(index.fileSize) bytes (\(IndexCommand.size(index.fileSize)))")
            Output.line("dead bytes           \(index.deadBytes) (reclaimed by `search compact`)")
            for section in index.sectionSizes {
                Output.line("  \(section.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(section.bytes)")
            }
        }
        return 0
    }
}

/// `search compact [--index PATH]`
enum CompactCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["compact"])
        if args.has("--help") { print(Help.text(for: CommandTable["compact"])); return 0 }
        guard args.positional.isEmpty else { throw UsageError("compact takes no words; see search compact --help") }
        let path = args.string("--index") ?? "Index/search.idx"
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError.missing(path: path) }
        let before = try SearchIndex(path: path)
        let summary = try IndexWriter(path: path).compact()
        Output.line(String(format: "compacted %@: %@ documents in 1 segment, %@ → %@ in %.2f s", path,
                           IndexCommand.grouped(summary.documents), IndexCommand.size(before.fileSize),
                           IndexCommand.size(summary.fileBytes), summary.seconds))
        return 0
    }
}

/// `search verify [FILE | --index PATH]`
enum VerifyCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["verify"])
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

import ChineseSearch
import Foundation

/// `search index DIR [--index PATH] [--threads N] [--memory MB] [--rebuild]`
enum IndexCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["index"])
        if args.has("--help") { print(Help.index); return 0 }
        guard args.positional.count == 1 else { throw UsageError("index takes one folder: search index DIR") }
        let directory = args.positional[0]
        let path = args.string("--index") ?? "Index/search.idx"
        let showProgress = isatty(2) == 1
        let threads = try args.int("--threads", default: ProcessInfo.processInfo.activeProcessorCount, minimum: 1)
        let memory = try args.int("--memory", default: 1024, minimum: 16)
        let progress: (@Sendable (IndexBuildProgress) -> Void)? = showProgress ? Self.printProgress : nil
        let options = IndexBuildOptions(threads: threads, memoryLimitMB: memory, progress: progress)
        BuildInterruption.removeTemporaryFilesOnTermination()
        if !args.has("--rebuild") && FileManager.default.fileExists(atPath: path) {
            return try update(directory: directory, path: path, options: IndexBuildOptions(threads: threads, memoryLimitMB: memory))
        }
        let summary = try IndexBuilder.build(corpusDirectory: directory, indexPath: path, options: options)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for s in summary.skipped { Output.warning("skipped \(TerminalText.escaped(s.path)): \(s.reason)") }
        for p in summary.invalidUTF8 { Output.warning("\(TerminalText.escaped(p)): invalid UTF-8 replaced by U+FFFD") }
        for p in summary.unreadableDates { Output.warning("\(TerminalText.escaped(p)): the date could not be read (kept as written)") }
        var reasons: [String: Int] = [:]
        for s in summary.skipped { reasons[Self.reasonKind(s.reason), default: 0] += 1 }
        let skipped = reasons.isEmpty ? "skipped 0 files"
            : "skipped \(summary.skipped.count) files (" + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                .joined(separator: ", ") + ")"
        let dates = summary.unreadableDates.isEmpty ? "" : "; \(summary.unreadableDates.count) with unreadable dates"
        Output.line(String(format: "indexed %d documents, %.2f MB of text in %.2f s; %@; %d with invalid UTF-8%@; index %@ (%@)",
                           summary.documents, Double(summary.textBytes) / 1e6, summary.seconds, skipped,
                           summary.invalidUTF8.count, dates, TerminalText.escaped(summary.indexPath), Self.size(summary.indexBytes)))
        return 0
    }

    /// Updates the existing index at `path` from `directory`; an index that cannot be updated from it (another
    /// folder, another format or analyzer) is an error naming `--rebuild`, never silently replaced.
    static func update(directory: String, path: String, options: IndexBuildOptions) throws -> Int32 {
        let summary: IndexUpdateSummary
        do {
            summary = try IndexUpdater.update(corpusDirectory: directory, indexPath: path, options: options)
        } catch let error as IndexError {
            switch error {
            case .otherSource, .unsupportedVersion, .notAnIndex, .analyzerMismatch:
                throw UsageError("\(error.description); to replace it with a new index of this folder, run "
                                 + "`search index \(directory) --index \(path) --rebuild`")
            default: throw error
            }
        }
        for s in summary.skipped { Output.warning("skipped \(TerminalText.escaped(s.path)): \(s.reason)") }
        for p in summary.invalidUTF8 { Output.warning("\(TerminalText.escaped(p)): invalid UTF-8 replaced by U+FFFD") }
        for p in summary.unreadableDates { Output.warning("\(TerminalText.escaped(p)): the date could not be read (kept as written)") }
        let c = summary.commit
        Output.line(String(format: "updated %@: %@ added, %@ changed, %@ deleted, %@ unchanged in %.2f s (%@ %@, %@)",
                           TerminalText.escaped(path), grouped(summary.added), grouped(summary.changed), grouped(summary.deleted),
                           grouped(summary.unchanged), summary.seconds, grouped(c.segments),
                           c.segments == 1 ? "segment" : "segments", size(c.fileBytes)))
        return 0
    }

    /// A count with thousands separators: 4,998.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Rewrites the progress line on standard error: documents, MB, MB/s, ETA.
    @Sendable static func printProgress(_ p: IndexBuildProgress) {
        let mb = Double(p.bytes) / 1e6
        let rate = p.seconds > 0 ? mb / p.seconds : 0
        let eta = rate > 0 ? Double(p.totalBytes - p.bytes) / 1e6 / rate : 0
        let line = String(format: "\r%d documents, %.1f MB, %.1f MB/s, ETA %.0f s   ", p.documents, mb, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The reason's kind, the words before its ":" (`SkipReason`'s form): "empty", "binary", "unreadable folder".
    static func reasonKind(_ reason: String) -> String {
        String(reason.prefix { $0 != ":" && $0 != "(" }).trimmingCharacters(in: .whitespaces)
    }

    /// A byte count for people: B, KB, MB, GB.
    static func size(_ bytes: Int) -> String {
        let b = Double(bytes)
        if b < 1e3 { return "\(bytes) B" }
        if b < 1e6 { return String(format: "%.1f KB", b / 1e3) }
        if b < 1e9 { return String(format: "%.1f MB", b / 1e6) }
        return String(format: "%.2f GB", b / 1e9)
    }
}

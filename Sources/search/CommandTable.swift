/// One flag of a command: `--name VALUE` when it takes a value, a switch otherwise.
struct Flag: Sendable {
    /// The flag as typed, e.g. `--top`.
    let name: String
    /// The value's placeholder (`K`, `PATH`), nil for a switch.
    let value: String?
    /// The values it accepts, when they are a fixed set (offered by completion).
    let choices: [String]
    /// Whether its value is a file or folder (completion offers paths).
    let takesPath: Bool
    /// One line for `--help` and the man page.
    let help: String

    init(_ name: String, value: String? = nil, choices: [String] = [], path: Bool = false, _ help: String) {
        self.name = name
        self.value = value
        self.choices = choices
        self.takesPath = path
        self.help = help
    }

    /// `--top K`, `--mode all|any`, or `--json`.
    var synopsis: String { value.map { "\(name) \($0)" } ?? name }

    // Flags several commands share.
    static let index = Flag("--index", value: "PATH", path: true, "index file (default Index/search.idx)")
    static let json = Flag("--json", "JSON output, one object per line")
    static let threads = Flag("--threads", value: "N", "worker threads (default: every core)")
    static let color = Flag("--color", value: "auto|always|never", choices: ["auto", "always", "never"],
                            "colour highlights: auto (a terminal, NO_COLOR empty or unset, TERM not dumb), always, never")
}

/// One command: its name, operands, flags and the function that runs it.
struct Command: Sendable {
    /// The word after `search`.
    let name: String
    /// The operands as shown in usage lines (`DIR`, `QUERY…`), or "".
    let operands: String
    /// What it does, in one line.
    let summary: String
    /// More about it, printed by `search help NAME` after the usage line.
    let details: String
    /// Its flags (every command also takes `--help`).
    let flags: [Flag]
    /// Runs it with the words after its name; returns the exit status.
    let run: @Sendable ([String]) throws -> Int32

    /// `search query QUERY… [--index PATH] …`
    var usage: String {
        (["search", name] + (operands.isEmpty ? [] : [operands]) + flags.map { "[\($0.synopsis)]" }).joined(separator: " ")
    }

    /// The flags that take a value.
    var valueFlags: Set<String> { Set(flags.filter { $0.value != nil }.map(\.name)) }

    /// The flags that are switches.
    var switches: Set<String> { Set(flags.filter { $0.value == nil }.map(\.name)) }
}

/// The one table of commands and flags. Argument scanning, `--help`, `search help`, the completion scripts and
/// the man page (`docs/search.1`) are all made from it: a new flag is one `Flag(…)` line in its command's list,
/// a new command one `Command(…)` entry.
enum CommandTable {
    static let all: [Command] = [
        Command(name: "index", operands: "DIR", summary: "index every file below DIR, or update the index of DIR",
                details: "Files are read in sorted path order; hidden files are skipped; YAML front matter and HTML are understood. When the index exists and was built from DIR it is updated in place: only files whose size or modification time changed are read, only those whose content changed are indexed again, documents of vanished files are deleted and new files added, in one commit; scores then equal a fresh build's. Files that cannot be read are reported and tried again on the next run. One writer at a time: a second index or compact of the same index fails at once (lock PATH.lock). An index of another folder or format version is refused; --rebuild replaces it.",
                flags: [Flag("--index", value: "PATH", path: true, "the index file (default Index/search.idx)"),
                        Flag("--rebuild", "build from scratch, replacing the index atomically"),
                        Flag("--threads", value: "N", "worker threads (default: every core)"),
                        Flag("--memory", value: "MB", "memory for runs before spilling to temporary files (default 1024)")],
                run: IndexCommand.run),
        Command(name: "compact", operands: "", summary: "rewrite the index as one segment without deleted documents",
                details: "Rewrites the index under a temporary name and renames it over the index: one segment, no deleted documents, no dead space. Running queries and servers keep their snapshot. Fails at once while another writer holds the index.",
                flags: [Flag.index], run: CompactCommand.run),
        Command(name: "query", operands: "QUERY…", summary: "ranked hits of a query (or of each --batch line)",
                details: "Query syntax: terms separated by spaces must all match (AND is the same); A OR B (or a lower-case or) lets either match; -term or NOT term excludes; \"quoted words\" is one phrase. A lone Chinese character matches every bigram that begins with it. Fields: author:NAME, category:NAME (also categories:), quoted when they hold spaces, match exactly after normalization; title:TERM matches in the title only; date:2022-08-26 (a day), date:2022-08 (a month), date:2022 (a year), date:A..B (inclusive; open with A.. or ..B), date:>=A, date:>A, date:<=B, date:<B; day boundaries are UTC unless the value carries an offset (date:2022-08-26+08:00). A - before a filter excludes. Filters never change scores; a query of filters only matches every document passing them. With --batch FILE|- every line is a query, answered in input order.",
                flags: [Flag.index,
                        Flag("--top", value: "K", "hits to show (default 10)"),
                        Flag("--mode", value: "all|any", choices: ["all", "any"], "all: every term must match (default); any: every token optional"),
                        Flag("--k1", value: "X", "BM25 term-frequency saturation (default 1.2)"),
                        Flag("--b", value: "X", "BM25 length normalization, 0 to 1 (default 0.75)"),
                        Flag("--title-weight", value: "X", "weight of the title field (default 1)"),
                        Flag.json,
                        Flag("--explain", "per hit, each token's tf, df, idf, field length and contribution"),
                        Flag("--sort", value: "ORDER", choices: ["relevance", "date", "date:asc"], "relevance (default), date (newest first) or date:asc; ties by score, then path"),
                        Flag("--offset", value: "N", "hits to skip before the --top shown, for paging (default 0)"),
                        Flag("--facet", value: "FIELD[:N]", "count category, author, year or month over all matches (N largest, default 20); repeat or list with commas"),
                        Flag("--no-snippets", "hits without snippets (ids, titles and scores only)"),
                        Flag("--batch", value: "FILE|-", path: true, "one query per line of FILE (or standard input)"),
                        Flag("--threads", value: "N", "threads: queries at once for --batch, parts of one big query otherwise"),
                        Flag.color],
                run: QueryCommand.run),
        Command(name: "analyze", operands: "TEXT", summary: "the tokens of TEXT, with positions and offsets",
                details: "Prints position, kind (bigram, end, word), normalized text and Unicode scalar offsets of each token.",
                flags: [Flag.json], run: AnalyzeCommand.run),
        Command(name: "stats", operands: "", summary: "documents, segments, tokens, terms, lengths, sizes",
                details: "Prints live and deleted documents, segments, tokens, distinct terms (summed over segments), average field lengths, file size, dead bytes and the size of each section (summed over segments).",
                flags: [Flag.index, Flag.json], run: StatsCommand.run),
        Command(name: "verify", operands: "[FILE]", summary: "check every checksum and every postings list",
                details: "Reads the whole index file; exit status 2 and one line naming the damage when it is not intact.",
                flags: [Flag.index], run: VerifyCommand.run),
        Command(name: "serve", operands: "", summary: "answer JSON requests on stdin, one per line",
                details: "Reads one JSON request per line, e.g. {\"query\": \"北汽 工厂\", \"top\": 10, \"mode\": \"all\"} (also \"k1\", \"b\", \"title_weight\", \"explain\", \"snippets\": false, \"stored_fields\": false (hits of rank, doc_id and score only, the other fields empty), \"filter\": \"category:新闻 date:2022\", \"sort\": \"date\", \"offset\": 10, \"facets\": [\"category\", \"year:5\"]), and writes one result per line, the same as search query --json. A bad request gets {\"error\": \"...\"} and the loop goes on. Every request is answered from the newest commit of the index, so updates are seen without a restart.",
                flags: [Flag("--stdio", "requests on standard input, results on standard output"), Flag.index,
                        Flag("--max-request-bytes", value: "N", "longest request line answered (default 1048576); longer ones get an error"),
                        Flag("--max-query-tokens", value: "N", "most tokens a query may have (default 1000); more get an error")],
                run: ServeCommand.run),
        Command(name: "completions", operands: "bash|zsh|fish", summary: "print a shell completion script",
                details: "Install with e.g. search completions bash > /etc/bash_completion.d/search, search completions zsh > \"${fpath[1]}/_search\", or search completions fish > ~/.config/fish/completions/search.fish.",
                flags: [], run: CompletionsCommand.run),
        Command(name: "man", operands: "", summary: "print the manual page (roff, as docs/search.1)",
                details: "View it with search man | man -l -", flags: [], run: ManPageCommand.run),
        Command(name: "help", operands: "[COMMAND]", summary: "this overview, or the help of COMMAND",
                details: "search help COMMAND is the same as search COMMAND --help.", flags: [], run: HelpCommand.run),
        Command(name: "version", operands: "", summary: "print the version (also --version)",
                details: "Prints the tool's version and the index format version it reads and writes.", flags: [],
                run: VersionCommand.run),
    ]

    /// The command named `name`.
    static func command(_ name: String) -> Command? { all.first { $0.name == name } }

    /// The command named `name`, which the table is known to hold (for the commands' own lookups).
    static subscript(_ name: String) -> Command { command(name)! }
}

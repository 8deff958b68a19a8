/// `search man`: the manual page in roff, made from `CommandTable` (`docs/search.1` is its output).
enum ManPageCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["man"])
        if args.has("--help") { print(Help.text(for: CommandTable["man"])); return 0 }
        guard args.positional.isEmpty else { throw UsageError("man takes no words") }
        Output.line(ManPage.roff)
        return 0
    }
}

/// The manual page of `search`.
enum ManPage {
    /// Text escaped for roff: backslashes, hyphens, and a leading dot or quote.
    static func escaped(_ text: String) -> String {
        var s = text.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
        if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
        return s
    }

    static var roff: String {
        var l: [String] = [
            ".TH SEARCH 1 \"\" \"search \(VersionCommand.number)\" \"User Commands\"",
            ".SH NAME", "search \\- full\\-text search for Chinese text",
            ".SH SYNOPSIS", ".B search", ".I COMMAND", "[\\fIOPERANDS\\fR] [\\fIFLAGS\\fR]",
            ".br", ".B search \\-\\-help", "|", ".B \\-\\-version",
            ".SH DESCRIPTION",
            escaped("search indexes a folder of documents into one memory-mapped index file and answers queries on it: CJK text is indexed as character bigrams, Latin words and numbers as whole words, and hits are ranked by BM25."),
            ".SH COMMANDS",
        ]
        for command in CommandTable.all {
            l.append(".TP")
            l.append("\\fBsearch \(command.name)\\fR" + (command.operands.isEmpty ? "" : " \\fI\(escaped(command.operands))\\fR"))
            l.append(escaped(command.summary) + ".")
            l.append(escaped(command.details))
            if !command.flags.isEmpty {
                l.append(".RS")
                for flag in command.flags {
                    l.append(".TP")
                    l.append("\\fB\(escaped(flag.name))\\fR" + (flag.value.map { " \\fI\(escaped($0))\\fR" } ?? ""))
                    l.append(escaped(flag.help))
                }
                l.append(".RE")
            }
        }
        l += [".SH EXIT STATUS", "0 on success or when a query found something, 1 when a query matched nothing, 2 on any error, with one line on standard error starting search:.",
              ".SH ENVIRONMENT", ".TP", ".B NO_COLOR", escaped("When set to a non-empty value, --color auto does not colour."),
              ".TP", ".B TERM", escaped("When dumb, --color auto does not colour."),
              ".SH EXAMPLES", ".nf", escaped("search index Corpus/"), escaped("search query \"北汽 工厂\" --top 3"),
              escaped("search query --batch queries.txt --json"), ".fi",
              ".SH SEE ALSO", escaped("The README and docs/FORMAT.md of the ChineseSearch package.")]
        return l.joined(separator: "\n")
    }
}

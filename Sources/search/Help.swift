/// The help texts, made from `CommandTable` and laid out for an 80-column terminal.
enum Help {
    /// Columns the help is wrapped to.
    static let width = 80

    /// `search --help`: every command with its summary.
    static var main: String {
        let names = CommandTable.all.map { "\($0.name) \($0.operands)".trimmingTrailingSpaces() }
        let column = names.map(\.count).max()! + 2
        var lines = ["search — full-text search for Chinese text (bigrams, BM25, one mapped file)", "",
                     "Usage: search COMMAND [OPERANDS] [FLAGS]", "", "Commands:"]
        for (name, command) in zip(names, CommandTable.all) {
            lines += wrap(command.summary, indent: column + 2, first: "  " + name.padded(to: column))
        }
        lines.append("")
        lines += wrap("Every command takes --help (or: search help COMMAND); search --version prints the version. "
                      + "Exit status: 0 success or hits found, 1 no match, 2 error (one line on stderr).", indent: 0, first: "")
        return lines.joined(separator: "\n")
    }

    /// `search COMMAND --help`: usage, details and every flag.
    static func text(for command: Command) -> String {
        var lines = ["Usage: search \(command.name)" + (command.operands.isEmpty ? "" : " \(command.operands)")
                     + (command.flags.isEmpty ? "" : " [FLAGS]"), ""]
        lines += wrap(command.details, indent: 0, first: "")
        lines += ["", "Flags:"]
        let flags = command.flags + [Flag("--help", "this help")]
        let column = min(22, flags.map(\.synopsis.count).max()! + 2)
        for flag in flags {
            let synopsis = flag.synopsis
            if synopsis.count + 2 > column {
                lines.append("  " + synopsis)
                lines += wrap(flag.help, indent: column + 2, first: String(repeating: " ", count: column + 2))
            } else {
                lines += wrap(flag.help, indent: column + 2, first: "  " + synopsis.padded(to: column))
            }
        }
        return lines.joined(separator: "\n")
    }

    static var index: String { text(for: CommandTable["index"]) }
    static var query: String { text(for: CommandTable["query"]) }
    static var analyze: String { text(for: CommandTable["analyze"]) }
    static var stats: String { text(for: CommandTable["stats"]) }
    static var verify: String { text(for: CommandTable["verify"]) }
    static var serve: String { text(for: CommandTable["serve"]) }

    /// `text` broken at spaces into lines of at most `width` display columns: the first starts with `first`,
    /// the others with `indent` spaces.
    static func wrap(_ text: String, indent: Int, first: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWords = false
        for word in text.split(separator: " ") {
            let candidate = lineHasWords ? line + " " + word : line + word
            if lineHasWords && DisplayWidth.columns(candidate) > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            } else {
                line = candidate
            }
            lineHasWords = true
        }
        lines.append(line)
        return lines
    }
}

extension String {
    /// The string followed by spaces up to `count` characters.
    func padded(to count: Int) -> String { self + String(repeating: " ", count: Swift.max(0, count - self.count)) }

    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

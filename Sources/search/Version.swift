import ChineseSearch

/// `search version` and `search --version`.
enum VersionCommand {
    /// The tool's version (semantic versioning; the library ships with the same number).
    static let number = "0.2.0"

    /// `search 0.2.0 (index format 1)`
    static var line: String { "search \(number) (index format \(IndexFormat.version))" }

    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["version"])
        if args.has("--help") { print(Help.text(for: CommandTable["version"])); return 0 }
        guard args.positional.isEmpty else { throw UsageError("version takes no words") }
        Output.line(line)
        return 0
    }
}

/// `search help [COMMAND]`.
enum HelpCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["help"])
        guard let name = args.positional.first else { print(Help.main); return 0 }
        guard args.positional.count == 1 else { throw UsageError("help takes one command name") }
        guard let command = CommandTable.command(name) else {
            throw UsageError("unknown command '\(name)'; the commands are " + CommandTable.all.map(\.name).joined(separator: ", "))
        }
        print(Help.text(for: command))
        return 0
    }
}

import ChineseSearch
import Foundation

/// The `search` command line: a thin layer over the ChineseSearch library. Exit status 0 on success (or hits
/// found), 1 when a query matched nothing, 2 on any error with one `search: …` line on stderr.
let arguments = RawArguments.words()
let status: Int32
if let name = arguments.first, let command = CommandTable.command(name) {
    do {
        status = try command.run(Array(arguments.dropFirst()))
    } catch {
        Output.error(error)
        status = 2
    }
} else if arguments.first == "--help" || arguments.first == "-h" {
    print(Help.main)
    status = 0
} else if arguments.first == "--version" {
    Output.line(VersionCommand.line)
    status = 0
} else {
    Output.error(UsageError(arguments.isEmpty ? "no command given; see `search --help`"
                                              : "unknown command '\(arguments[0])'; see `search --help`"))
    status = 2
}
Output.flush()
exit(status)

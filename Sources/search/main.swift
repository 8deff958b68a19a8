import ChineseSearch
import Foundation

/// The `search` command line: a thin layer over the ChineseSearch library. Exit status 0 on success (or hits
/// found), 1 when a query matched nothing, 2 on any error with one `search: …` line on stderr.
let arguments = RawArguments.words()
let commands: [String: ([String]) throws -> Int32] = [
    "index": IndexCommand.run, "query": QueryCommand.run, "analyze": AnalyzeCommand.run,
    "stats": StatsCommand.run, "verify": VerifyCommand.run, "serve": ServeCommand.run,
]
let status: Int32
if let name = arguments.first, let command = commands[name] {
    do {
        status = try command(Array(arguments.dropFirst()))
    } catch {
        Output.error(error)
        status = 2
    }
} else if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    print(Help.main)
    status = 0
} else {
    Output.error(UsageError(arguments.isEmpty ? "no command given; see `search --help`"
                                              : "unknown command '\(arguments[0])'; see `search --help`"))
    status = 2
}
Output.flush()
exit(status)

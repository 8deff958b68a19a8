/// The standard-error report of one failing `--batch` line: `search: query '…': <message>`.
struct BatchLineError: Error, CustomStringConvertible {
    /// The query, already escaped for the terminal.
    let query: String
    let error: any Error

    var description: String { "query '\(query)': \(Output.message(error))" }
}

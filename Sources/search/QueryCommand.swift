import ChineseSearch
import Foundation

/// `search query QUERY… [options]` and `search query --batch FILE|- [options]`
enum QueryCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["query"])
        if args.has("--help") { print(Help.query); return 0 }
        let options = try searchOptions(args)
        if let choice = args.string("--color") {
            guard let c = ColourChoice(rawValue: choice) else { throw UsageError("--color takes auto, always or never, not '\(choice)'") }
            Output.colour = c.enabled(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
        }
        let json = args.has("--json"), explain = args.has("--explain")
        let index = try SearchIndex(path: args.string("--index") ?? "Index/search.idx")
        if let batch = args.string("--batch") {
            guard args.positional.isEmpty else { throw UsageError("give either a query or --batch FILE, not both") }
            let queries = try readLines(batch)
            let threads = try args.int("--threads", default: ProcessInfo.processInfo.activeProcessorCount, minimum: 1)
            let executor = QueryExecutor(index: index, threads: threads)
            var found = false, failed = false
            // Workers render their own results, so formatting runs in parallel too; a window of queries at a time
            // keeps memory bounded for any batch and starts output before the batch ends.
            var start = 0
            while start < queries.count {
                let window = Array(queries[start..<min(queries.count, start + batchWindow)])
                start += window.count
                let answers = executor.run(window, options: options) { i, result in
                    BatchAnswer(query: window[i], result: result, json: json, explain: explain)
                }
                for answer in answers {
                    found = found || answer.found
                    answer.lines.forEach(Output.line)
                    if let error = answer.error {
                        failed = true
                        Output.error(error)
                    }
                }
            }
            return failed ? 2 : (found ? 0 : 1)
        }
        guard !args.positional.isEmpty else { throw UsageError("query needs query text: search query \"北汽 工厂\"") }
        // One query may use every core: above a size threshold it is split into document ranges.
        var single = options
        single.parallelism = try args.int("--threads", default: ProcessInfo.processInfo.activeProcessorCount, minimum: 1)
        let results = try index.search(args.positional.joined(separator: " "), options: single)
        emit(results, json: json, explain: explain)
        return results.total > 0 ? 0 : 1
    }

    /// Queries of a batch answered and rendered before their output is written.
    static let batchWindow = 1024

    static func emit(_ r: SearchResults, json: Bool, explain: Bool) { lines(r, json: json, explain: explain).forEach(Output.line) }

    /// The output lines of one query's results.
    static func lines(_ r: SearchResults, json: Bool, explain: Bool) -> [String] {
        json ? [ResultFormat.json(r)] : ResultFormat.human(r, explain: explain)
    }

    /// The search options from the command line.
    static func searchOptions(_ args: Arguments) throws -> SearchOptions {
        var options = SearchOptions()
        options.top = try args.int("--top", default: 10)
        if let mode = args.string("--mode") {
            guard let m = MatchMode(rawValue: mode) else { throw UsageError("--mode takes all or any, not '\(mode)'") }
            options.mode = m
        }
        options.bm25 = BM25(k1: try args.double("--k1", default: 1.2), b: try args.double("--b", default: 0.75))
        guard options.bm25.b <= 1 else { throw UsageError("--b takes a number from 0 to 1") }
        options.titleWeight = try args.double("--title-weight", default: 1.0)
        options.explain = args.has("--explain")
        options.snippets = !args.has("--no-snippets")
        options.offset = try args.int("--offset", default: 0)
        if let sort = args.string("--sort") {
            guard let order = SortOrder(rawValue: sort) else {
                throw UsageError("--sort takes relevance, date (newest first) or date:asc, not '\(sort)'")
            }
            options.sort = order
        }
        options.facets = try facets(args.strings("--facet").flatMap { $0.split(separator: ",").map(String.init) })
        return options
    }

    /// `category`, `author:50`, `year`, `month`: the facets asked for.
    static func facets(_ words: [String]) throws -> [FacetRequest] {
        try words.map { word in
            guard let request = FacetRequest(parsing: word) else {
                throw UsageError("--facet takes category, author, year or month, optionally :N (e.g. category:50), not '\(word)'")
            }
            return request
        }
    }

    /// The lines of FILE, or of standard input for "-", empty ones included (answer n belongs to line n); a
    /// final newline ends the last line rather than starting an empty one, and "\r\n" counts as one newline.
    static func readLines(_ path: String) throws -> [String] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw UsageError("cannot read batch file '\(path)'")
            }
            data = d
        }
        var lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self) }
    }
}

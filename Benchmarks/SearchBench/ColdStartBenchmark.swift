// Measures: per round a fresh process: start → SearchIndex open → first query, a second query, the file opened again
//           (a new mapping) and queried; and apart the first Analyzer use. Medians and min–max of the rounds, in µs.
// Corpus: any index (opening is O(segments); size matters only through the lists the query reads) and one query.
// Watch: open + first query against the 1 ms target; first query on the new mapping − second query is the cost of
//        faulting the mapping's pages in, the rest of first − second the process's own first use (code, metadata).
import ChineseSearch
import Foundation

/// `search-bench cold --index PATH [--query TEXT] [--rounds 11] [--no-snippets]`, and the child `cold-once` it
/// runs each round.
enum ColdStartBenchmark {
    static let defaultQuery = "经济发展"

    static func run(arguments: [String]) throws {
        var indexPath = "", query = defaultQuery, rounds = 11, snippets = true
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--index": indexPath = try args.value(flag)
            case "--query": query = try args.value(flag)
            case "--rounds": rounds = max(1, try args.int(flag))
            case "--no-snippets": snippets = false
            default: throw BenchError.usage("cold: unknown option \(flag)")
            }
        }
        guard !indexPath.isEmpty else {
            throw BenchError.usage("usage: search-bench cold --index PATH [--query TEXT] [--rounds 11] [--no-snippets]")
        }
        let index = try SearchIndex(path: indexPath)
        print("cold start: \(rounds) fresh processes per figure, \(index.documentCount) documents, "
              + "\(String(format: "%.1f", Double(index.fileSize) / 1e6)) MB, query \"\(query)\"\(snippets ? "" : ", no snippets")")
        var figures: [String: [Double]] = [:]
        for _ in 0..<rounds {
            // Alternating kinds, so a noisy minute hits both alike.
            for kind in [snippets ? "search" : "search-no-snippets", "analyzer"] {
                for (name, value) in try child(kind: kind, index: indexPath, query: query) { figures[name, default: []].append(value) }
            }
        }
        print("figure                              median      min      max   (µs)")
        let rows = [("process start → main", "start"), ("open", "open"), ("first query", "first"),
                    ("open + first query", "open_first"), ("second query (same)", "second"),
                    ("open again (new mapping)", "reopen"), ("first query on it", "remapped_first"),
                    ("first Analyzer use", "analyzer_first"), ("second Analyzer use", "analyzer_second")]
        for (label, key) in rows {
            guard let values = figures[key]?.sorted(), !values.isEmpty else { continue }
            print(label.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + String(format: "%9.1f%9.1f%9.1f", values[values.count / 2], values.first!, values.last!))
        }
    }

    /// One fresh process; returns its figures in microseconds.
    private static func child(kind: String, index: String, query: String) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        let output = Pipe()
        process.standardOutput = output
        process.arguments = ["cold-once", kind, index, query, "\(monotonicNanoseconds())"]
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let figures = try JSONSerialization.jsonObject(with: data) as? [String: Double] else {
            throw BenchError.io("cold-once \(kind) failed (status \(process.terminationStatus))")
        }
        return figures
    }

    /// `cold-once KIND INDEX QUERY LAUNCHED`: the measured process. Prints its figures as JSON.
    static func once(arguments: [String]) throws {
        let entered = monotonicNanoseconds()
        guard arguments.count == 4, let launched = UInt64(arguments[3]) else { throw BenchError.usage("cold-once: bad arguments") }
        let query = arguments[2]
        var figures = ["start": Double(entered - launched) / 1e3]
        if arguments[0] == "analyzer" {
            let text = Array(query.utf8)
            var sink = TokenizerBenchmark.CountingSink()
            for key in ["analyzer_first", "analyzer_second"] {
                let start = monotonicNanoseconds()
                text.withUnsafeBufferPointer { _ = Analyzer().tokenize($0, into: &sink) }
                figures[key] = Double(monotonicNanoseconds() - start) / 1e3
            }
            figures["tokens"] = Double(sink.tokens)
        } else {
            let start = monotonicNanoseconds()
            let index = try SearchIndex(path: arguments[1])
            let opened = monotonicNanoseconds()
            var options = SearchOptions()
            options.snippets = arguments[0] == "search"
            let first = try index.search(query, options: options)
            let answered = monotonicNanoseconds()
            let second = try index.search(query, options: options)
            let repeated = monotonicNanoseconds()
            // The same file opened again: a new mapping whose pages fault in anew, with the process's code warm.
            let remapped = try SearchIndex(path: arguments[1])
            let reopened = monotonicNanoseconds()
            let third = try remapped.search(query, options: options)
            let remappedAnswered = monotonicNanoseconds()
            guard first.hits == second.hits, first.hits == third.hits else {
                throw BenchError.io("a repeated query answered differently")
            }
            figures["open"] = Double(opened - start) / 1e3
            figures["first"] = Double(answered - opened) / 1e3
            figures["open_first"] = Double(answered - start) / 1e3
            figures["second"] = Double(repeated - answered) / 1e3
            figures["reopen"] = Double(reopened - repeated) / 1e3
            figures["remapped_first"] = Double(remappedAnswered - reopened) / 1e3
        }
        FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: figures))
    }

    /// CLOCK_MONOTONIC in nanoseconds: one clock for the parent and its children.
    private static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

// Measures our engine through its library API: indexing MB/s (1 thread, all threads), peak memory, index size,
// open + first query, top-10 latency per query class (natural mode, and mode any as the competitors run), QPS.
// Corpus: any folder in the Corpus/ shape with a query file from `search-bench queries`. Watch: p99 of single-char
// and any, bytes per token, and that mode-any latency stays comparable to Tantivy's on the same corpus and queries.
import ChineseSearch
import Dispatch
import Foundation

/// `search-bench run --corpus DIR --queries FILE --out JSON [--index PATH] [--threads N] [--min-seconds S]`
///
/// Each build runs in a child process (`search-bench build-once …`), so its peak memory (VmHWM) is its own.
enum EngineBenchmark {
    static func run(arguments: [String]) throws {
        var corpus = "", queriesPath = "", output = "", indexPath = ""
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var minSeconds = 1.0
        var singleThreadBuild = true
        var reuseIndex = false
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--corpus": corpus = try args.value(flag)
            case "--queries": queriesPath = try args.value(flag)
            case "--out": output = try args.value(flag)
            case "--index": indexPath = try args.value(flag)
            case "--threads": threads = max(1, try args.int(flag))
            case "--min-seconds": minSeconds = try args.double(flag)
            case "--no-single-thread-build": singleThreadBuild = false
            case "--reuse-index": reuseIndex = true
            default: throw BenchError.usage("run: unknown option \(flag)")
            }
        }
        guard !corpus.isEmpty, !queriesPath.isEmpty, !output.isEmpty else {
            throw BenchError.usage("usage: search-bench run --corpus DIR --queries FILE --out JSON [--index PATH] [--threads N]")
        }
        if indexPath.isEmpty { indexPath = NSTemporaryDirectory() + "/search-bench-\(getpid()).idx" }
        let queries = try readQueries(queriesPath)
        let corpusBytes = try CorpusReader.files(in: corpus).reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: corpus + "/" + path)[.size] as? Int) ?? 0)
        }
        var report: [String: Any] = ["engine": "ChineseSearch", "corpus_bytes": corpusBytes, "queries": queries.count]

        // Indexing, each build in its own process.
        var builds: [[String: Any]] = []
        let reusing = reuseIndex && FileManager.default.fileExists(atPath: indexPath)
        if reusing {
            log("reusing \(indexPath): no builds measured")
        } else if singleThreadBuild && threads > 1 {
            builds.append(try childBuild(corpus: corpus, index: indexPath + ".t1", threads: 1, corpusBytes: corpusBytes))
            try? FileManager.default.removeItem(atPath: indexPath + ".t1")
        }
        if !reusing {
            builds.append(try childBuild(corpus: corpus, index: indexPath, threads: threads, corpusBytes: corpusBytes))
        }
        report["builds"] = builds
        log("built with \(builds.map { "\($0["threads"]!) thread(s): \(fmt($0["mb_per_s"]))" }.joined(separator: ", ")) MB/s")

        // Open and first query: the index file is in the page cache after the build, as for the competitors.
        let openStart = DispatchTime.now()
        let index = try SearchIndex(path: indexPath)
        var firstOptions = SearchOptions()
        firstOptions.snippets = false
        _ = try index.search(queries.first?.query ?? "的", options: firstOptions)
        report["open_and_first_query_ms"] = milliseconds(since: openStart)

        // Size.
        let statistics = index.statistics
        var sections: [String: Int] = [:]
        for (name, bytes) in index.sectionSizes { sections[name, default: 0] += bytes }
        let postingBytes = (sections["postings"] ?? 0) + (sections["positions"] ?? 0)
        report["index"] = [
            "bytes": index.fileSize, "documents": index.documentCount, "sections": sections,
            "text_tokens": statistics.textTokens, "cjk_terms": statistics.cjkTermCount,
            "word_terms": statistics.wordTermCount, "char_terms": statistics.charTermCount,
            "postings_and_positions_bytes_per_token": statistics.textTokens == 0 ? 0 : Double(postingBytes) / Double(statistics.textTokens),
            "bytes_per_token": statistics.textTokens == 0 ? 0 : Double(index.fileSize) / Double(statistics.textTokens),
            "postings": statistics.postingCount,
            "bytes_per_posting_without_stored_text": statistics.postingCount == 0 ? 0
                : Double(index.fileSize - (sections["stored text"] ?? 0)) / Double(statistics.postingCount),
        ] as [String: Any]

        // Latency, one thread, after one untimed pass: natural mode (all, or any for the `any` class) without and
        // with snippets, and mode any without snippets (what the competitor scripts measure), with them, and with
        // hits of ids and scores only (what the competitors return: Tantivy's hits are scores and addresses).
        var natural = SearchOptions()
        natural.parallelism = 1
        natural.snippets = false
        var withSnippets = natural
        withSnippets.snippets = true
        var any = natural
        any.mode = .any
        any.snippets = false
        report["search_natural"] = latency(index: index, queries: queries, options: natural, natural: true)
        report["search_natural_snippets"] = latency(index: index, queries: queries, options: withSnippets, natural: true)
        report["search"] = latency(index: index, queries: queries, options: any, natural: false)
        var idsOnly = any
        idsOnly.storedFields = false
        report["search_ids"] = latency(index: index, queries: queries, options: idsOnly, natural: false)
        var anySnippets = any
        anySnippets.snippets = true
        report["search_snippets"] = latency(index: index, queries: queries, options: anySnippets, natural: false)

        // Throughput at 1 and `threads` threads, mode any.
        var qps: [[String: Any]] = []
        for t in Array(Set([1, threads])).sorted() {
            qps.append(throughput(index: index, queries: queries.map(\.query), options: any, threads: t, minSeconds: minSeconds))
        }
        report["qps"] = qps
        report["query_process_peak_rss_mb"] = peakResidentMB()

        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        try writeFile(output, Array(data))
        if !reuseIndex { try? FileManager.default.removeItem(atPath: indexPath) }
        log("wrote \(output)")
    }

    /// `search-bench build-once --corpus DIR --index PATH --threads N --corpus-bytes B`: one build, JSON on stdout.
    static func buildOnce(arguments: [String]) throws {
        var corpus = "", indexPath = "", threads = 1, corpusBytes = 0
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--corpus": corpus = try args.value(flag)
            case "--index": indexPath = try args.value(flag)
            case "--threads": threads = try args.int(flag)
            case "--corpus-bytes": corpusBytes = try args.int(flag)
            default: throw BenchError.usage("build-once: unknown option \(flag)")
            }
        }
        let start = DispatchTime.now()
        let summary = try IndexBuilder.build(corpusDirectory: corpus, indexPath: indexPath,
                                             options: IndexBuildOptions(threads: threads))
        let seconds = milliseconds(since: start) / 1000
        let result: [String: Any] = [
            "threads": threads, "seconds": seconds, "engine_seconds": summary.seconds,
            "documents": summary.documents, "text_bytes": summary.textBytes, "index_bytes": summary.indexBytes,
            "mb_per_s": Double(corpusBytes) / 1e6 / seconds, "text_mb_per_s": Double(summary.textBytes) / 1e6 / seconds,
            "peak_rss_mb": peakResidentMB() ?? -1, "spilled_runs": summary.spilledRuns, "skipped_files": summary.skipped.count,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        FileHandle.standardOutput.write(data)
    }

    private static func childBuild(corpus: String, index: String, threads: Int, corpusBytes: Int) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["build-once", "--corpus", corpus, "--index", index, "--threads", "\(threads)",
                             "--corpus-bytes", "\(corpusBytes)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError.io("run: the build with \(threads) thread(s) failed (exit \(process.terminationStatus))")
        }
        return object
    }

    struct ClassedQuery {
        var queryClass: String
        var query: String
    }

    static func readQueries(_ path: String) throws -> [ClassedQuery] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw BenchError.io("cannot read \(path)") }
        var queries: [ClassedQuery] = []
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            queries.append(ClassedQuery(queryClass: String(line[..<tab]), query: String(line[line.index(after: tab)...])))
        }
        guard !queries.isEmpty else { throw BenchError.usage("no queries in \(path)") }
        return queries
    }

    /// Per-class and overall p50/p95/p99 in milliseconds; `natural` picks each class's own mode (any for `any`).
    private static func latency(index: SearchIndex, queries: [ClassedQuery], options: SearchOptions, natural: Bool) -> [String: Any] {
        func optionsFor(_ q: ClassedQuery) -> SearchOptions {
            var o = options
            if natural { o.mode = q.queryClass == QueryClass.any.rawValue ? .any : .all }
            return o
        }
        for q in queries { _ = try? index.search(q.query, options: optionsFor(q)) }
        var byClass: [String: [Double]] = [:]
        var failures = 0, empty = 0
        let start = DispatchTime.now()
        for q in queries {
            let t0 = DispatchTime.now()
            let result = try? index.search(q.query, options: optionsFor(q))
            let ms = milliseconds(since: t0)
            guard let result else { failures += 1; continue }
            if result.hits.isEmpty { empty += 1 }
            byClass[q.queryClass, default: []].append(ms)
        }
        let seconds = milliseconds(since: start) / 1000
        var classes: [String: Any] = [:]
        var all: [Double] = []
        for (name, values) in byClass {
            let sorted = values.sorted()
            all += sorted
            classes[name] = ["queries": sorted.count, "p50_ms": percentile(sorted, 0.5), "p95_ms": percentile(sorted, 0.95),
                             "p99_ms": percentile(sorted, 0.99)]
        }
        all.sort()
        let answered = queries.count - failures
        return ["mode": natural ? "natural" : "any", "snippets": options.snippets, "top": options.top, "threads": 1,
                "queries": answered, "queries_failed": failures, "queries_without_hits": empty,
                "qps": seconds > 0 ? Double(answered) / seconds : 0,
                "all": ["p50_ms": percentile(all, 0.5), "p95_ms": percentile(all, 0.95), "p99_ms": percentile(all, 0.99)],
                "classes": classes]
    }

    /// Queries per second over repeated passes of the whole set (at least `minSeconds`, at most 50 passes).
    private static func throughput(index: SearchIndex, queries: [String], options: SearchOptions, threads: Int,
                                   minSeconds: Double) -> [String: Any] {
        let executor = QueryExecutor(index: index, threads: threads)
        _ = executor.run(queries, options: options)
        var passes = 0
        let start = DispatchTime.now()
        var seconds = 0.0
        repeat {
            _ = executor.run(queries, options: options)
            passes += 1
            seconds = milliseconds(since: start) / 1000
        } while seconds < minSeconds && passes < 50
        return ["threads": threads, "mode": "any", "passes": passes, "qps": Double(passes * queries.count) / seconds]
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let k = Double(sorted.count - 1) * p
        let lo = Int(k), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - Double(lo))
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    /// VmHWM of this process, in MB (nil where /proc is missing).
    static func peakResidentMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kb = Double(fields[1]) { return kb / 1024 }
        }
        return nil
    }

    static func log(_ message: String) { FileHandle.standardError.write(Data("search-bench: \(message)\n".utf8)) }
    static func fmt(_ value: Any?) -> String { (value as? Double).map { String(format: "%.1f", $0) } ?? "?" }
}

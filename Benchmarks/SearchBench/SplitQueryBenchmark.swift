// Measures intra-query parallelism: each query alone, split over 1 and N document ranges (SearchOptions.parallelism).
// Corpus: an index built from any corpus (big enough that every part keeps 4096 documents) and a query file.
// Watch: the per-class p50 speed-up of the split (about N× for the classes that scan long lists, less for rare ones).
import ChineseSearch
import Foundation

/// `search-bench split --index PATH --queries FILE [--parts N]`: p50/p99 per class in each class's natural mode.
enum SplitQueryBenchmark {
    static func run(arguments: [String]) throws {
        var indexPath = "", queriesPath = ""
        var parts = ProcessInfo.processInfo.activeProcessorCount
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--index": indexPath = try args.value(flag)
            case "--queries": queriesPath = try args.value(flag)
            case "--parts": parts = max(2, try args.int(flag))
            default: throw BenchError.usage("split: unknown option \(flag)")
            }
        }
        guard !indexPath.isEmpty, !queriesPath.isEmpty else {
            throw BenchError.usage("usage: search-bench split --index PATH --queries FILE [--parts N]")
        }
        let index = try SearchIndex(path: indexPath)
        let queries = try EngineBenchmark.readQueries(queriesPath)
        print("class         p50 ×1 ms   p50 ×\(parts) ms   speed-up   p99 ×1 ms   p99 ×\(parts) ms")
        var byClass: [String: [[Double]]] = [:]
        for parallelism in [1, parts] {
            var options = SearchOptions()
            options.snippets = false
            options.parallelism = parallelism
            for q in queries {
                options.mode = q.queryClass == "any" ? .any : .all
                _ = try? index.search(q.query, options: options)
                let start = DispatchTime.now()
                _ = try? index.search(q.query, options: options)
                let ms = EngineBenchmark.milliseconds(since: start)
                var lists = byClass[q.queryClass] ?? [[], []]
                lists[parallelism == 1 ? 0 : 1].append(ms)
                byClass[q.queryClass] = lists
            }
        }
        for (name, lists) in byClass.sorted(by: { $0.key < $1.key }) {
            let one = lists[0].sorted(), split = lists[1].sorted()
            let p50 = EngineBenchmark.percentile(one, 0.5), p50s = EngineBenchmark.percentile(split, 0.5)
            print(name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %10.3f %12.3f %9.2f× %11.3f %12.3f", p50, p50s, p50 / max(p50s, 1e-9),
                         EngineBenchmark.percentile(one, 0.99), EngineBenchmark.percentile(split, 0.99)))
        }
    }
}

// Measures filters, date sort and facets against the same queries without them, on an index of a corpus
// folder (generated or real), one query at a time, in alternating rounds (medians, min–max of the round p50s).
// Watch: filtered/plain p50 (target ≤ 1.3), sort date/relevance p50 of frequent terms (≤ 2), facet/plain (≤ 3).
import ChineseSearch
import Dispatch
import Foundation

enum FieldsBenchmark {
    static func run(arguments: [String]) throws {
        var scanner = ArgumentScanner(arguments)
        var indexPath = "", queriesPath = "", rounds = 3
        while let flag = scanner.nextFlag() {
            switch flag {
            case "--index": indexPath = try scanner.value(flag)
            case "--queries": queriesPath = try scanner.value(flag)
            case "--rounds": rounds = try scanner.int(flag)
            default: throw BenchError.usage("unknown option \(flag)")
            }
        }
        guard !indexPath.isEmpty, !queriesPath.isEmpty else { throw BenchError.usage("fields needs --index PATH --queries FILE") }
        let index = try SearchIndex(path: indexPath)
        let all = try EngineBenchmark.readQueries(queriesPath)
        let frequent = all.filter { $0.queryClass == "frequent" }.map(\.query)
        let terms = all.filter { ["term2", "frequent", "rare"].contains($0.queryClass) }.map(\.query)
        // The values to filter by, from the index itself: the most frequent category, a rare author, a busy month.
        var probe = SearchOptions(top: 0, snippets: false, facets: [FacetRequest(.category, limit: 1),
                                                                    FacetRequest(.author, limit: 1000),
                                                                    FacetRequest(.month, limit: 1)])
        probe.mode = .any
        let facets = try index.search(frequent.first ?? "的", options: probe).facets
        func top(_ f: FacetField) -> [FacetCount] { facets.first { $0.field == f }?.counts ?? [] }
        guard let category = top(.category).first?.value, let author = top(.author).last?.value,
              let month = top(.month).first?.value else { throw BenchError.io("the corpus has no categories, authors or dates") }
        print("filters: category:\(category) author:\(author) date:\(month)")
        let plain = SearchOptions(snippets: false)
        let cases: [(name: String, queries: [String], options: SearchOptions, baseline: String)] = [
            ("terms", terms, plain, ""),
            ("terms category:frequent", terms.map { "\($0) category:\"\(category)\"" }, plain, "terms"),
            ("terms author:rare", terms.map { "\($0) author:\"\(author)\"" }, plain, "terms"),
            ("terms date:month", terms.map { "\($0) date:\(month)" }, plain, "terms"),
            ("frequent", frequent, plain, ""),
            ("frequent date:month", frequent.map { "\($0) date:\(month)" }, plain, "frequent"),
            ("frequent sort date", frequent, SearchOptions(snippets: false, sort: .newestFirst), "frequent"),
            ("frequent facet category", frequent, SearchOptions(snippets: false, facets: [FacetRequest(.category)]), "frequent"),
        ]
        var p50: [String: [Double]] = [:]
        for _ in 0..<rounds {
            for c in cases {
                var ms: [Double] = []
                for q in c.queries {
                    let t0 = DispatchTime.now()
                    _ = try? index.search(q, options: c.options)
                    ms.append(EngineBenchmark.milliseconds(since: t0))
                }
                ms.sort()
                p50[c.name, default: []].append(EngineBenchmark.percentile(ms, 0.5))
            }
        }
        for c in cases {
            let s = p50[c.name]!.sorted()
            var line = String(format: "%-26@ p50 median %.4f ms (min %.4f, max %.4f)", c.name as NSString,
                              EngineBenchmark.percentile(s, 0.5), s.first!, s.last!)
            if !c.baseline.isEmpty {
                let ratios = zip(p50[c.name]!, p50[c.baseline]!).map { $0 / $1 }.sorted()
                line += String(format: "  ratio to %@ median %.2f (min %.2f, max %.2f)", c.baseline, EngineBenchmark.percentile(ratios, 0.5),
                               ratios.first!, ratios.last!)
            }
            print(line)
        }
    }
}

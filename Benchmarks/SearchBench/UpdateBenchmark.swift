// Measures the living index: a full build, an unchanged re-run, an update of 10 changed files, adding 1% new
// files, queries on 8 segments with 5% deleted against the compacted index, compaction, and the size of a fresh
// build. On a copy of a corpus folder (generated or real), in alternating rounds, medians with min–max.
// Watch: re-run/full-build and compaction/full-build ratios, segmented/compacted query p50 and p99.
import ChineseSearch
import Dispatch
import Foundation

enum UpdateBenchmark {
    static func run(arguments: [String]) throws {
        var scanner = ArgumentScanner(arguments)
        var corpus = "", queriesPath = "", work = "Benchmarks/work/update", rounds = 3
        while let flag = scanner.nextFlag() {
            switch flag {
            case "--corpus": corpus = try scanner.value(flag)
            case "--queries": queriesPath = try scanner.value(flag)
            case "--work": work = try scanner.value(flag)
            case "--rounds": rounds = try scanner.int(flag)
            default: throw BenchError.usage("unknown option \(flag)")
            }
        }
        guard !corpus.isEmpty, !queriesPath.isEmpty else { throw BenchError.usage("update needs --corpus DIR --queries FILE") }
        let queries = try EngineBenchmark.readQueries(queriesPath)
        let fm = FileManager.default
        try? fm.removeItem(atPath: work)
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        let folder = work + "/corpus"
        try fm.copyItem(atPath: corpus, toPath: folder)
        let files = try CorpusReader.files(in: folder)
        // Hold back 1% of the files (every 100th) for the "add 1%" step.
        let heldBack = stride(from: 0, to: files.count, by: 100).map { files[$0] }
        let spare = work + "/spare"
        try fm.createDirectory(atPath: spare, withIntermediateDirectories: true)
        for f in heldBack { try move(folder + "/" + f, spare + "/" + f.replacingOccurrences(of: "/", with: "_")) }
        let index = work + "/living.idx"

        var figures: [String: [Double]] = [:]
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            let t0 = DispatchTime.now()
            try body()
            figures[name, default: []].append(EngineBenchmark.milliseconds(since: t0))
        }
        for round in 0..<rounds {
            try time("full build ms") { _ = try IndexBuilder.build(corpusDirectory: folder, indexPath: index) }
            try time("unchanged re-run ms") { _ = try IndexUpdater.update(corpusDirectory: folder, indexPath: index) }
            let current = try CorpusReader.files(in: folder)
            for k in 0..<10 {
                let f = folder + "/" + current[(k * 977 + round * 31) % current.count]
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f))
                handle.seekToEndOfFile()
                handle.write(Data("<p>更新第\(round)轮\(k)。</p>\n".utf8))
                try handle.close()
            }
            try time("10 changed files ms") { _ = try IndexUpdater.update(corpusDirectory: folder, indexPath: index) }
            for f in try fm.contentsOfDirectory(atPath: spare) { try fm.copyItem(atPath: spare + "/" + f, toPath: folder + "/added-" + f) }
            try time("add 1% ms") { _ = try IndexUpdater.update(corpusDirectory: folder, indexPath: index) }
            for f in try fm.contentsOfDirectory(atPath: spare) { try fm.removeItem(atPath: folder + "/added-" + f) }
            _ = try IndexUpdater.update(corpusDirectory: folder, indexPath: index)
        }
        // Eight segments with 5% of the documents deleted, against the same documents compacted. The merge policy
        // keeps at most 7 segments a tier, so the commits have sizes of three tiers: shares of 4000, 3000, 1500,
        // 600 (a tier), 300, 150 (the next) and 60, 32 (the one below) in 9642.
        let segmented = work + "/segmented.idx"
        let documents = try loadDocuments(folder, files: try CorpusReader.files(in: folder))
        try? fm.removeItem(atPath: segmented)
        do {
            let writer = try IndexWriter(path: segmented)
            let shares = [4000, 3000, 1500, 600, 300, 150, 60, 32]
            var start = 0
            for (i, share) in shares.enumerated() {
                let end = i == shares.count - 1 ? documents.count : min(documents.count, start + share * documents.count / 9642)
                for d in documents[start..<end] { writer.add(d) }
                try writer.commit()
                start = end
            }
            for d in stride(from: 0, to: documents.count, by: 20) { writer.delete(path: documents[d].path) }
            try writer.commit()
        }
        let compacted = work + "/compacted.idx"
        try? fm.removeItem(atPath: compacted)
        try fm.copyItem(atPath: segmented, toPath: compacted)
        try time("compaction ms") { _ = try IndexWriter(path: compacted).compact() }
        let a = try SearchIndex(path: segmented), b = try SearchIndex(path: compacted)
        var options = SearchOptions()
        options.snippets = false
        for _ in 0..<rounds {
            for (name, idx) in [("segmented", a), ("compacted", b)] {
                let (p50, p99, qps) = latency(idx, queries, options)
                figures["\(name) p50 ms", default: []].append(p50)
                figures["\(name) p99 ms", default: []].append(p99)
                figures["\(name) qps", default: []].append(qps)
            }
        }
        // Size: what format 2 adds to a fresh build of the same folder: the file header and commit record (the
        // bytes outside the segment), the source stamps and path sections (updates), and the field sections.
        let freshPath = work + "/fresh.idx"
        _ = try IndexBuilder.build(corpusDirectory: folder, indexPath: freshPath)
        let fresh = try SearchIndex(path: freshPath)
        let outside = fresh.fileSize - fresh.segments.reduce(0) { $0 + $1.bytes }
        func bytes(_ names: [String]) -> Int { fresh.sectionSizes.filter { names.contains($0.name) }.reduce(0) { $0 + $1.bytes } }
        let living = outside + bytes(["source stamps", "path ranks", "path order"])
        let fields = bytes(["field records", "category ids", "field value offsets", "field value bytes", "shown field values"])
        let base = fresh.fileSize - living - fields
        print(String(format: "fresh build: %d bytes; the living index adds %d (%.3f%%), fields add %d (%.3f%%) to the %d of format 1's sections",
                     fresh.fileSize, living, 100 * Double(living) / Double(base), fields, 100 * Double(fields) / Double(base), base))
        print("segments of the segmented index: \(a.segments.map { "\($0.documents)-\($0.deleted)" }), compacted: \(b.segments.count)")
        for (name, values) in figures.sorted(by: { $0.key < $1.key }) {
            let s = values.sorted()
            print(String(format: "%-22@ median %10.2f  min %10.2f  max %10.2f  (n=%d)", name as NSString,
                         EngineBenchmark.percentile(s, 0.5), s.first!, s.last!, s.count))
        }
    }

    private static func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(atPath: from, toPath: to)
    }

    private static func loadDocuments(_ folder: String, files: [String]) throws -> [SourceDocument] {
        try files.map { f in
            let t = try CorpusReader.read(directory: folder, path: f)
            return SourceDocument(path: f, title: t.title, body: t.body)
        }
    }

    private static func latency(_ index: SearchIndex, _ queries: [EngineBenchmark.ClassedQuery],
                                _ options: SearchOptions) -> (Double, Double, Double) {
        var ms: [Double] = []
        let start = DispatchTime.now()
        for q in queries {
            var o = options
            o.mode = q.queryClass == "any" ? .any : .all
            let t0 = DispatchTime.now()
            _ = try? index.search(q.query, options: o)
            ms.append(EngineBenchmark.milliseconds(since: t0))
        }
        let seconds = EngineBenchmark.milliseconds(since: start) / 1000
        ms.sort()
        return (EngineBenchmark.percentile(ms, 0.5), EngineBenchmark.percentile(ms, 0.99), Double(queries.count) / seconds)
    }
}

import Dispatch
import Foundation

/// An opened index: immutable, `Sendable`, and safe to search from any number of threads at once with no
/// locks on the query path (every search makes its own cursors over the shared mapping).
///
/// Opening maps the file and validates its header: O(1) in the index size.
public final class SearchIndex: Sendable {
    let reader: IndexReader
    private let analyzer = Analyzer()

    /// Opens the index file at `path`.
    public init(path: String) throws(IndexError) {
        reader = try IndexReader(file: try MappedFile(path: path), path: path)
    }

    /// Opens an index held in memory (the bytes of an index file), e.g. one built by `Ranker`.
    public init(bytes: [UInt8]) throws(IndexError) {
        let owner = HeapBytes(bytes)
        reader = try IndexReader(file: MappedFile(borrowing: owner.bytes, owner: owner), path: "(memory)")
    }

    /// Fewest documents a part of a split query gets.
    static let minimumPartSize = 4096
    /// Fewest postings (summed document frequencies of the query's tokens) worth splitting a query for.
    static let minimumSplitPostings = 8192

    /// Documents in the index.
    public var documentCount: Int { reader.statistics.documentCount }

    /// Corpus-wide statistics.
    public var statistics: IndexStatistics { reader.statistics }

    /// The file's sections with their sizes in bytes, in file order.
    public var sectionSizes: [(name: String, bytes: Int)] { reader.sectionTable.map { ($0.kind.name, $0.length) } }

    /// Size of the index file in bytes.
    public var fileSize: Int { reader.fileSize }

    /// Checks every checksum and decodes every postings and positions list. O(file size).
    public func verify() throws(IndexError) { try reader.verify() }

    /// Runs `query` and returns the best hits. Throws `SearchError` for a query with nothing to search,
    /// `IndexError` when the lists it reads turn out damaged.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let started = DispatchTime.now()
        try options.validate()
        let parsed = QueryParser.parse(query)
        let plan: QueryPlan
        do {
            plan = try QueryPlan(parsed, reader: reader, analyzer: analyzer, bm25: options.bm25)
        } catch {
            throw SearchError.emptyQuery(query)
        }
        if plan.damaged {
            throw IndexError.corrupt(path: reader.path, detail: "a dictionary entry read by this query does not decode")
        }
        let n = UInt32(documentCount)
        // Split only where the lists to read are long and each part keeps at least `minimumPartSize` documents:
        // below that, starting threads costs more than it saves.
        let postings = plan.tokens.reduce(0) { $0 + Int($1.entry?.df ?? 0) }
        let parts = postings < Self.minimumSplitPostings ? 1
            : max(1, min(options.parallelism, Int(n) / Self.minimumPartSize))
        var results = [(hits: [ScoredDocument], total: Int, damaged: Bool, pruned: Bool)](
            repeating: ([], 0, false, false), count: parts)
        if parts == 1 {
            let e = QueryExecution(reader: reader, plan: plan, options: options)
            let r = e.run(range: 0..<n)
            results[0] = (r.hits, r.total, e.damaged, e.pruned)
        } else {
            let box = PartResults(count: parts)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = UInt32(UInt64(n) * UInt64(part) / UInt64(parts))
                let upper = UInt32(UInt64(n) * UInt64(part + 1) / UInt64(parts))
                let e = QueryExecution(reader: reader, plan: plan, options: options)
                let r = e.run(range: lower..<upper)
                box.set(part, (r.hits, r.total, e.damaged, e.pruned))
            }
            results = box.values
        }
        if results.contains(where: \.damaged) {
            throw IndexError.corrupt(path: reader.path, detail: "a postings list read by this query is inconsistent")
        }
        var merged = TopK(k: options.top)
        for r in results { for h in r.hits { merged.offer(h) } }
        let hits = merged.sorted().map { makeHit($0, plan: plan, options: options) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        return SearchResults(query: query, mode: options.mode, total: results.reduce(0) { $0 + $1.total },
                             totalIsLowerBound: results.contains(where: \.pruned), hits: hits, milliseconds: elapsed)
    }

    private func makeHit(_ d: ScoredDocument, plan: QueryPlan, options: SearchOptions) -> SearchHit {
        let doc = Int(d.doc)
        var hit = SearchHit(documentID: doc, path: reader.documentPath(doc), title: reader.documentTitle(doc),
                            date: reader.documentDate(doc), score: d.score, snippet: nil, explanation: [])
        if options.snippets {
            hit.snippet = SnippetMaker(reader: reader, plan: plan, analyzer: analyzer).snippet(for: doc)
        }
        if options.explain {
            hit.explanation = ScoreExplainer(reader: reader, plan: plan, options: options).explain(d.doc)
        }
        return hit
    }
}

/// Per-part results of a split query, written by the workers under a lock.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [(hits: [ScoredDocument], total: Int, damaged: Bool, pruned: Bool)]

    init(count: Int) { values = Array(repeating: ([], 0, false, false), count: count) }

    func set(_ i: Int, _ v: (hits: [ScoredDocument], total: Int, damaged: Bool, pruned: Bool)) {
        lock.withLock { values[i] = v }
    }
}

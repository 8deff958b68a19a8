import Dispatch
import Foundation

/// An opened index: one commit of an index file, immutable, `Sendable`, and safe to search from any number of
/// threads at once with no locks on the query path (every search makes its own cursors over the shared mapping).
///
/// An open index is a snapshot: it answers from the commit it opened whatever writers do later; `reopened()`
/// moves to the newest commit. Opening maps the file and validates the header, the commit record and each
/// segment's header: O(segments), independent of the index size.
public final class SearchIndex: Sendable {
    let snapshot: IndexSnapshot
    /// The statistics of the live documents of all segments: what BM25 uses.
    public let statistics: IndexStatistics
    private let analyzer = Analyzer()

    /// Opens the index file at `path`, at its newest commit.
    public convenience init(path: String) throws(IndexError) {
        self.init(snapshot: try IndexSnapshot(path: path))
    }

    /// Opens an index held in memory (the bytes of an index file), e.g. one built by `Ranker`.
    public convenience init(bytes: [UInt8]) throws(IndexError) {
        let owner = HeapBytes(bytes)
        self.init(snapshot: try IndexSnapshot(file: MappedFile(borrowing: owner.bytes, owner: owner), path: "(memory)"))
    }

    init(snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        statistics = IndexStatistics(commit: snapshot.commit, segments: snapshot.segments.map(\.reader.statistics))
    }

    /// This index at the newest commit of its file: `self` when nothing was committed since it was opened (or it
    /// lives in memory), else a new snapshot. Costs one `open` and a read of the header when nothing changed.
    public func reopened() throws(IndexError) -> SearchIndex {
        guard snapshot.path != "(memory)" else { return self }
        let latest = try IndexSnapshot(path: snapshot.path)
        return latest.slot == snapshot.slot ? self : SearchIndex(snapshot: latest)
    }

    /// The readers of this commit's segments, oldest first.
    var segmentReaders: [IndexReader] { snapshot.segments.map(\.reader) }

    /// Fewest documents a part of a split query gets.
    static let minimumPartSize = 4096
    /// Fewest postings (summed document frequencies of the query's tokens) worth splitting a query for.
    static let minimumSplitPostings = 8192

    /// Live documents in the index.
    public var documentCount: Int { statistics.documentCount }

    /// The commit this snapshot answers from (counts up from 1 with every commit).
    public var generation: UInt64 { snapshot.commit.generation }

    /// The segments of this commit, oldest first.
    public var segments: [SegmentInfo] {
        snapshot.segments.map { SegmentInfo(documents: $0.reference.documentCount, deleted: $0.reference.deletedCount,
                                            bytes: Int($0.reference.length)) }
    }

    /// Bytes of the file this commit does not use (replaced segments and deletions, old commit records).
    public var deadBytes: Int { snapshot.deadBytes }

    /// The corpus folder the index follows, as an absolute path ("" when built from documents in memory).
    public var sourceFolder: String { snapshot.commit.source }

    /// The sections of every segment with their sizes in bytes, summed over segments, in section order.
    public var sectionSizes: [(name: String, bytes: Int)] {
        SectionKind.allCases.map { kind in
            (kind.name, snapshot.segments.reduce(0) { sum, s in
                sum + (s.reader.sectionTable.first { $0.kind == kind }?.length ?? 0)
            })
        }
    }

    /// Size of the index file in bytes.
    public var fileSize: Int { snapshot.file.bytes.count }

    /// Checks every checksum and decodes every postings and positions list of this commit, and recomputes its
    /// statistics and every deleted document's decrements. O(file size).
    public func verify() throws(IndexError) { try snapshot.verify() }

    /// Runs `query` and returns the best hits. Throws `SearchError` for a query with nothing to search,
    /// `IndexError` when the lists it reads turn out damaged.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let started = DispatchTime.now()
        try options.validate()
        var parsed = try QueryParser.parse(query, analyzer: analyzer)
        addFilters(options.filters, to: &parsed)
        // Each segment keeps the best offset + top (never more than it holds); the offset is dropped at the end.
        var run = options
        let (wanted, overflow) = options.offset.addingReportingOverflow(options.top)
        run.top = min(overflow ? Int.max : wanted, statistics.documentCount)
        let analysis: QueryAnalysis
        do { analysis = try QueryAnalysis(parsed, analyzer: analyzer) } catch { throw SearchError.emptyQuery(query) }
        var resolved = snapshot.segments.map { QueryPlan(analysis, segment: $0) }
        if resolved.contains(where: \.damaged) {
            throw IndexError.corrupt(path: snapshot.path, detail: "a dictionary entry read by this query does not decode")
        }
        setStatistics(&resolved, bm25: options.bm25)
        let plans = resolved
        var candidates: [(segment: Int, hit: ScoredDocument)] = []
        var total = 0
        var pruned = false
        var tallies: [FacetTally] = []
        // Largest segments first: their k-th best score is a floor the later segments prune against (a
        // document below the k-th best score found so far cannot enter the top k of the whole index).
        let order = snapshot.segments.indices.sorted { snapshot.segments[$0].liveCount > snapshot.segments[$1].liveCount }
        var scores: [Double] = []
        tallies = Array(repeating: FacetTally(options.facets), count: snapshot.segments.count)
        for i in order {
            let floor = options.sort == .relevance && run.top > 0 && scores.count >= run.top
                ? scores.sorted(by: >)[run.top - 1] : -.infinity
            let part = try self.run(plans[i], on: snapshot.segments[i], options: run, floor: floor)
            total += part.total
            pruned = pruned || part.pruned
            tallies[i] = part.facets
            candidates.append(contentsOf: part.hits.map { (i, $0) })
            scores.append(contentsOf: part.hits.map(\.score))
        }
        let best = Array(bestCandidates(candidates, top: run.top).dropFirst(options.offset))
        var hits = best.map { makeHit($0.hit, segment: $0.segment, plan: plans[$0.segment], options: options) }
        if options.snippets { addSnippets(to: &hits, of: best, plans: plans) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        return SearchResults(query: query, mode: options.mode, total: total, totalIsLowerBound: pruned, hits: hits,
                             milliseconds: elapsed, facets: facets(options.facets, tallies), firstRank: options.offset + 1)
    }

    /// Adds the typed filters of the options to those of the query string, normalized the same way.
    private func addFilters(_ filters: [SearchFilter], to parsed: inout ParsedQuery) {
        for f in filters {
            let filter: ParsedQuery.Filter
            switch f.condition {
            case .author(let value): filter = .author(analyzer.normalizedFieldValue(value))
            case .category(let value): filter = .category(analyzer.normalizedFieldValue(value))
            case .date(let lower, let upper): filter = .date(DateRange(lower: lower, upper: upper))
            }
            if f.excluded { parsed.excludedFilters.append(filter) } else { parsed.filters.append(filter) }
        }
    }

    /// The requested facets from the segments' tallies: counts summed by value, largest first, ties by value.
    private func facets(_ requests: [FacetRequest], _ tallies: [FacetTally]) -> [Facet] {
        // The first request of each field (at most one per field, so the look-back is short).
        var distinct: [FacetRequest] = []
        for request in requests where !distinct.contains(where: { $0.field == request.field }) { distinct.append(request) }
        return distinct.map { request in
            var counts: [String: Int] = [:]
            for (i, tally) in tallies.enumerated() {
                counts.merge(tally.counts(request.field, snapshot.segments[i].reader), uniquingKeysWith: +)
            }
            let sorted = counts.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) }
            return Facet(field: request.field, counts: Array(sorted.prefix(max(0, request.limit))))
        }
    }

    /// Sums every token's live document frequencies over the segments and gives each plan the index-wide idf.
    private func setStatistics(_ plans: inout [QueryPlan], bm25: BM25) {
        guard let first = plans.first else { return }
        var df = [Int](repeating: 0, count: first.tokens.count), titleDf = df
        for plan in plans {
            for (i, token) in plan.tokens.enumerated() {
                df[i] += token.liveDf
                titleDf[i] += token.liveTitleDf
            }
        }
        for i in plans.indices {
            plans[i].setStatistics(df: df, titleDf: titleDf, documentCount: statistics.documentCount, bm25: bm25)
        }
    }

    /// The best `options.top` documents of one segment and its match count, split over document ranges on
    /// several threads where its lists are long and each part keeps at least `minimumPartSize` documents.
    private func run(_ plan: QueryPlan, on segment: OpenSegment, options: SearchOptions, floor: Double) throws(IndexError)
        -> (hits: [ScoredDocument], total: Int, pruned: Bool, facets: FacetTally) {
        // A segment that cannot match costs no cursors.
        if plan.matchesNothing(options.mode) { return ([], 0, false, FacetTally(options.facets)) }
        let n = UInt32(segment.reference.documentCount)
        let postings = plan.tokens.reduce(0) { $0 + Int($1.entry?.df ?? 0) }
        let parts = postings < Self.minimumSplitPostings ? 1
            : max(1, min(options.parallelism, Int(n) / Self.minimumPartSize))
        let statistics = statistics
        var results: [PartResult]
        if parts == 1 {
            let e = QueryExecution(segment: segment, plan: plan, options: options, statistics: statistics, floor: floor)
            let r = e.run(range: 0..<n)
            results = [PartResult(hits: r.hits, total: r.total, damaged: e.damaged, pruned: e.pruned, facets: e.facets)]
        } else {
            let slots = WorkSlots<PartResult>(count: parts)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lower = UInt32(UInt64(n) * UInt64(part) / UInt64(parts))
                let upper = UInt32(UInt64(n) * UInt64(part + 1) / UInt64(parts))
                let e = QueryExecution(segment: segment, plan: plan, options: options, statistics: statistics, floor: floor)
                let r = e.run(range: lower..<upper)
                slots.store(part, PartResult(hits: r.hits, total: r.total, damaged: e.damaged, pruned: e.pruned, facets: e.facets))
            }
            results = slots.results.map { $0! }
        }
        if results.contains(where: \.damaged) {
            throw IndexError.corrupt(path: snapshot.path, detail: "a postings list read by this query is inconsistent")
        }
        var merged = TopK(k: options.top)
        var facets = FacetTally(options.facets)
        for r in results {
            for h in r.hits { merged.offer(h) }
            facets.merge(r.facets)
        }
        return (merged.sorted(), results.reduce(0) { $0 + $1.total }, results.contains(where: \.pruned), facets)
    }

    /// The best `top` of the segments' hits: by sort key, then score descending, ties by path in byte order.
    private func bestCandidates(_ candidates: [(segment: Int, hit: ScoredDocument)], top: Int)
        -> [(segment: Int, hit: ScoredDocument)] {
        guard snapshot.segments.count > 1 else { return Array(candidates.prefix(top)) }
        let sorted = candidates.sorted { a, b in
            if a.hit.primary != b.hit.primary { return a.hit.primary > b.hit.primary }
            if a.hit.score != b.hit.score { return a.hit.score > b.hit.score }
            let pa = snapshot.segments[a.segment].reader.pathBytes(Int(a.hit.doc))
            let pb = snapshot.segments[b.segment].reader.pathBytes(Int(b.hit.doc))
            return compareBytes(pa, pb) < 0
        }
        return Array(sorted.prefix(top))
    }

    /// Gives each hit its snippet, made in document order per segment through one `SnippetMaker` each, so the
    /// cursors the snippets read positions through only move forward.
    private func addSnippets(to hits: inout [SearchHit], of best: [(segment: Int, hit: ScoredDocument)], plans: [QueryPlan]) {
        var makers: [Int: SnippetMaker] = [:]
        let order = best.indices.sorted { (best[$0].segment, best[$0].hit.doc) < (best[$1].segment, best[$1].hit.doc) }
        for i in order {
            let s = best[i].segment
            if makers[s] == nil { makers[s] = SnippetMaker(reader: snapshot.segments[s].reader, plan: plans[s], analyzer: analyzer) }
            hits[i].snippet = makers[s]!.snippet(for: Int(best[i].hit.doc))
        }
    }

    private func makeHit(_ d: ScoredDocument, segment s: Int, plan: QueryPlan, options: SearchOptions) -> SearchHit {
        let segment = snapshot.segments[s]
        let reader = segment.reader
        let doc = Int(d.doc)
        let documentID = Int(segment.reference.documentBase) + doc
        var hit: SearchHit
        if options.storedFields {
            hit = SearchHit(documentID: documentID, path: reader.documentPath(doc), title: reader.documentTitle(doc),
                            date: reader.documentDate(doc), score: d.score)
            let date = reader.date(d.doc)
            hit.timestamp = date == FieldRecord.noDate ? nil : date
            (hit.author, hit.categories) = reader.shownFields(d.doc)
        } else {
            hit = SearchHit(documentID: documentID, path: "", title: "", score: d.score)
        }
        if options.explain {
            hit.explanation = ScoreExplainer(reader: reader, plan: plan, options: options, stats: statistics).explain(d.doc)
        }
        return hit
    }
}

/// One segment of an index, as `search stats` shows it.
public struct SegmentInfo: Sendable, Equatable {
    /// Documents the segment holds, deleted ones included.
    public var documents: Int
    /// Of those, documents deleted since the segment was written.
    public var deleted: Int
    /// Bytes the segment takes in the file.
    public var bytes: Int
}

/// One part of a split query.
private struct PartResult {
    var hits: [ScoredDocument]
    var total: Int
    var damaged: Bool
    var pruned: Bool
    var facets: FacetTally
}

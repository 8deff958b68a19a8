/// Runs one query plan over a range of document ids with its own cursors (one per thread).
///
/// Mode all: a zig-zag conjunction over the elements of every single-term clause (each cursor skips
/// blocks through its skip entries), OR clauses and exclusions checked on the survivors, and positions read
/// only for multi-token terms of documents that passed everything else. Mode any: document-at-a-time over
/// the union of the tokens' lists, pruned against the current top-k threshold by the strategy `runAny` picks
/// (`QueryExecution+Any.swift`): one list scanned block by block, block-max WAND, or block-max MaxScore.
/// Every matching document in mode all is counted, so `total` is exact there. Deleted documents of the segment
/// are skipped before they are counted or scored; scores use the statistics of the whole index.
final class QueryExecution {
    let segment: OpenSegment
    let reader: IndexReader
    let plan: QueryPlan
    let options: SearchOptions
    /// Each token's text-field and title-field cursor (nil when the segment lacks the token or no title holds it).
    let text: [PostingsCursor?]
    let title: [PostingsCursor?]
    /// For `.prefix` tokens, by token number: the cursors of every token beginning with the character, made at
    /// the first positional check that needs them.
    private var prefixCursors: [[PostingsCursor]?]
    /// Scratch of the positional check: candidate start positions.
    private var starts: [UInt32] = []
    let averageText: Double
    let averageTitle: Double
    /// True when a cursor found a damaged list.
    private(set) var damaged = false
    /// True when pruning skipped documents without counting them (mode any).
    var pruned = false
    /// The facet values of the matches, when facets were asked for.
    private(set) var facets: FacetTally
    /// Whether hits rank by score first (else by date), and whether mode any may prune by score: only then,
    /// and only without facets, which count every match.
    private let byRelevance: Bool
    let prunes: Bool
    private let floor: Double
    /// True when the segment has no deletions and the plan no filters and no excluded terms: every document
    /// of a list is then admitted, and `admits` costs one test.
    private let admitsEveryDocument: Bool

    /// An execution of `plan` (resolved against `segment`) scored with the index-wide `statistics`.
    /// `floor` is a score the k-th best hit of the whole search already reaches (from segments searched before):
    /// documents that cannot reach it are not scored, and mode any prunes against it from the start.
    init(segment: OpenSegment, plan: QueryPlan, options: SearchOptions, statistics: IndexStatistics,
         floor: Double = -.infinity) {
        self.floor = floor
        self.segment = segment
        let reader = segment.reader
        self.reader = reader
        self.plan = plan
        self.options = options
        text = plan.tokens.map { $0.entry.map(reader.textCursor) }
        title = plan.tokens.map { $0.entry.flatMap(reader.titleCursor) }
        prefixCursors = Array(repeating: nil, count: plan.tokens.count)
        averageText = statistics.averageTextLength
        averageTitle = statistics.averageTitleLength
        facets = FacetTally(options.facets)
        byRelevance = options.sort == .relevance
        prunes = byRelevance && options.facets.isEmpty
        admitsEveryDocument = !segment.hasDeletions && plan.filters.isEmpty && plan.excludedFilters.isEmpty
            && plan.excluded.isEmpty
    }

    /// Counts a match: the total, its facet values, then offers it to `top` with the score `score` computes,
    /// unless it cannot enter (`scoreBound`, at least its score, is below the k-th best).
    @inline(__always) func accept(_ doc: UInt32, _ top: inout TopK, _ total: inout Int, scoreBound: () -> Double,
                                  score: () -> Double) {
        total += 1
        if !facets.isEmpty { facets.add(doc, reader) }
        var primary: Int64 = 0
        if byRelevance {
            // One that cannot reach the k-th best score is not scored (one that ties it may rank before it by path).
            let threshold = max(top.threshold, floor)
            if threshold > -.infinity && scoreBound() * slack < threshold { return }
        } else {
            primary = ScoredDocument.primary(date: reader.date(doc), order: options.sort)
            if let worst = top.worstWhenFull, primary < worst.primary { return }
        }
        top.offer(ScoredDocument(score: score(), doc: doc, rank: reader.pathRank(doc), primary: primary))
    }

    /// The score a document must reach to enter the top k in mode any: the k-th best so far (or the floor of
    /// the segments searched before), −∞ while nothing can be pruned.
    @inline(__always) func pruningThreshold(_ top: TopK) -> Double {
        prunes ? max(top.threshold, floor) : -.infinity
    }

    /// Scores are compared to bounds with a little slack, so rounding can never prune a true candidate.
    let slack = 1 + 1e-9

    /// Whether `doc` is live, passes every filter and none of the excluded ones, and matches no excluded term:
    /// what a mode-any candidate must pass before it is counted.
    @inline(__always) func admits(_ doc: UInt32) -> Bool {
        admitsEveryDocument || admitsChecked(doc)
    }

    /// `admits` where deletions, filters or excluded terms apply: out of line, so the loops inline one test.
    @inline(never) private func admitsChecked(_ doc: UInt32) -> Bool { isCandidate(doc) && !isExcluded(doc) }

    /// Whether `doc` is live and passes every filter and none of the excluded ones (cheap: no cursor moves).
    @inline(__always) func isCandidate(_ doc: UInt32) -> Bool { !segment.isDeleted(doc) && passesFilters(doc) }

    /// Whether `doc` matches an excluded term.
    @inline(__always) func isExcluded(_ doc: UInt32) -> Bool { plan.excluded.contains(where: { matches($0, doc) }) }

    /// Whether `doc` passes every filter and none of the excluded ones.
    @inline(__always) private func passesFilters(_ doc: UInt32) -> Bool {
        plan.filters.allSatisfy { passes($0, doc) } && !plan.excludedFilters.contains { passes($0, doc) }
    }

    @inline(__always) private func passes(_ filter: QueryPlan.Filter, _ doc: UInt32) -> Bool {
        switch filter {
        case .author(let id): return id != nil && reader.authorID(doc) == id!
        case .category(let id): return id != nil && reader.anyCategory(of: doc) { $0 == id! }
        case .date(let lower, let upper):
            let date = reader.date(doc)
            return date != FieldRecord.noDate && date >= lower && date < upper
        }
    }

    /// The best `options.top` documents in `range` and the number of matches there.
    func run(range: Range<UInt32>) -> (hits: [ScoredDocument], total: Int) {
        // A query of filters only has nothing to rank by: every document passing them matches, in either mode.
        let result = options.mode == .all || plan.clauses.isEmpty ? runAll(range) : runAny(range)
        damaged = damaged || text.contains { $0?.damaged == true } || title.contains { $0?.damaged == true }
        return result
    }

    /// Loop steps so far, for `stopRequested`.
    private var steps = 0

    /// Whether the async caller gave up: looked at every `SearchCancellation.checkInterval` steps.
    func stopRequested() -> Bool {
        guard let cancellation = options.cancellation else { return false }
        steps += 1
        return steps % SearchCancellation.checkInterval == 0 && cancellation.isCancelled
    }

    // MARK: Scoring

    /// The BM25 score of `doc` over every scoring token it contains: text field plus title-weight × title field.
    func score(_ doc: UInt32) -> Double {
        var sum = 0.0
        let factor = textLengthFactor(doc)
        for i in plan.tokens.indices where plan.tokens[i].scores && text[i] != nil {
            text[i]!.advance(to: doc)
            guard text[i]!.doc == doc else { continue }
            add(i, textPart: textPart(i, tf: text[i]!.tf, factor), doc, to: &sum)
        }
        return sum
    }

    /// BM25's length part of `doc`'s text field, the same for every token.
    @inline(__always) func textLengthFactor(_ doc: UInt32) -> Double {
        options.bm25.lengthFactor(length: Double(reader.textLength(doc)), averageLength: averageText)
    }

    /// BM25's length part of `doc`'s title field: computed only where a title holds a token, which is rare.
    @inline(__always) func titleLengthFactor(_ doc: UInt32) -> Double {
        options.bm25.lengthFactor(length: Double(reader.titleLength(doc)), averageLength: averageTitle)
    }

    /// Token `t`'s text-field part of a score, at term frequency `tf` in a text of length factor `factor`.
    @inline(__always) func textPart(_ t: Int, tf: UInt32, _ factor: Double) -> Double {
        plan.tokens[t].idf * options.bm25.termWeight(tf: Double(tf), lengthFactor: factor)
    }

    /// Adds token `t`'s part of `doc`'s score to `sum`: its text part, then title-weight × its title part when
    /// the title holds it. Every score is this sum over the tokens `doc` holds in token order, whichever loop
    /// found them, so equal inputs give the same bits.
    @inline(__always) func add(_ t: Int, textPart: Double, _ doc: UInt32, to sum: inout Double) {
        sum += textPart
        guard title[t] != nil else { return }
        title[t]!.advance(to: doc)
        if title[t]!.doc == doc {
            sum += options.titleWeight * (plan.tokens[t].titleIdf
                * options.bm25.termWeight(tf: Double(title[t]!.tf), lengthFactor: titleLengthFactor(doc)))
        }
    }

    // MARK: Mode all

    private func runAll(_ range: Range<UInt32>) -> (hits: [ScoredDocument], total: Int) {
        var top = TopK(k: options.top)
        var total = 0
        if plan.matchesNothing(.all) { return ([], 0) }
        let required = requiredCursors()
        let drivers = required.isEmpty && !plan.clauses.isEmpty ? orDrivers() : []
        let checked = clausesToCheck()
        let filtered = !plan.filters.isEmpty || !plan.excludedFilters.isEmpty
        let scoring = ScoringLists(self)
        defer { scoring.deallocate() }
        // Index loops over `let` arrays: the elements are borrowed, so the hot loop retains no cursor.
        var candidate = range.lowerBound
        while candidate < range.upperBound {
            if stopRequested() { break }
            let doc: UInt32
            if !required.isEmpty {
                doc = align(required, from: candidate, below: range.upperBound)
            } else if !drivers.isEmpty {
                var least = PostingsCursor.end
                for i in drivers.indices {
                    drivers[i].advance(to: candidate)
                    least = min(least, drivers[i].doc)
                }
                doc = least
            } else {
                doc = candidate  // filters only: every document is a candidate
            }
            if doc >= range.upperBound { break }
            candidate = doc + 1
            if segment.isDeleted(doc) || (filtered && !passesFilters(doc)) { continue }
            guard matchesEvery(checked, doc), plan.excluded.isEmpty || !isExcluded(doc) else { continue }
            accept(doc, &top, &total, scoreBound: { scoring.bound(of: doc) }, score: { score(doc) })
        }
        return (top.sorted(), total)
    }

    /// The text cursors of every token of the single-term clauses (each token once), rarest first: a document
    /// matches only where all of them stand.
    private func requiredCursors() -> ContiguousArray<PostingsCursor> {
        var required: ContiguousArray<PostingsCursor> = []
        var seen = [Bool](repeating: false, count: plan.tokens.count)
        for clause in plan.clauses where clause.count == 1 {
            for t in clause[0].tokens where !seen[t] {
                seen[t] = true
                required.append(text[t]!)
            }
        }
        required.sort { $0.df < $1.df }
        return required
    }

    /// Only OR clauses: the candidates are the union, over the first clause's terms, of each term's rarest list.
    private func orDrivers() -> ContiguousArray<PostingsCursor> {
        ContiguousArray(plan.clauses[0].filter { !$0.impossible }.map { term in
            term.tokens.map { text[$0]! }.min { $0.df < $1.df }!
        })
    }

    /// The clauses a document on which every required cursor stands may still fail: OR clauses, and terms
    /// whose positions decide (`isMatchedByCursor` false).
    private func clausesToCheck() -> [[QueryPlan.Term]] {
        plan.clauses.filter { clause in clause.count > 1 || !clause[0].isMatchedByCursor }
    }

    /// The first document from `candidate` on where every cursor of `required` stands (or one ≥ `limit`):
    /// a zig-zag, each cursor skipping blocks to the latest document another reached.
    @inline(__always) private func align(_ required: ContiguousArray<PostingsCursor>, from candidate: UInt32,
                                         below limit: UInt32) -> UInt32 {
        var doc = candidate
        var i = 0
        var agreed = 0
        while agreed < required.count {
            required[i].advance(to: doc)
            let at = required[i].doc
            if at == doc {
                agreed += 1
            } else {
                if at >= limit { return at }
                doc = at
                agreed = 1
            }
            i = i + 1 == required.count ? 0 : i + 1
        }
        return doc
    }

    /// Whether `doc` matches some term of every clause of `clauses`.
    @inline(__always) private func matchesEvery(_ clauses: [[QueryPlan.Term]], _ doc: UInt32) -> Bool {
        for c in clauses.indices {
            var matched = false
            for t in clauses[c].indices where matches(clauses[c][t], doc) {
                matched = true
                break
            }
            if !matched { return false }
        }
        return true
    }

    /// Whether `term` occurs in `doc`: every element present, at consecutive positions when there are several.
    func matches(_ term: QueryPlan.Term, _ doc: UInt32) -> Bool {
        if term.impossible { return false }
        for i in term.tokens.indices {
            text[term.tokens[i]]!.advance(to: doc)
            if text[term.tokens[i]]!.doc != doc { return false }
        }
        if term.isMatchedByCursor { return true }
        // Start positions p where element i stands at p + i: seeded from the element with the lowest tf, then
        // narrowed by one merge pass over each other element's positions, stopping as soon as none is left.
        // The scratch array is moved out while the closures fill it, so no access to `self` spans their calls.
        var base = 0
        for i in term.tokens.indices where text[term.tokens[i]]!.tf < text[term.tokens[base]]!.tf { base = i }
        var starts = self.starts
        self.starts = []
        defer { self.starts = starts }
        starts.removeAll(keepingCapacity: true)
        positions(of: term.tokens[base], doc) { q in
            if q >= UInt32(base) { starts.append(q - UInt32(base)) }
            return true
        }
        for offset in term.tokens.indices where offset != base && !starts.isEmpty {
            var read = 0, kept = 0
            positions(of: term.tokens[offset], doc) { q in
                guard q >= UInt32(offset) else { return true }
                let p = q - UInt32(offset)
                while read < starts.count && starts[read] < p { read += 1 }
                if read < starts.count && starts[read] == p {
                    starts[kept] = p
                    kept += 1
                    read += 1
                }
                return read < starts.count
            }
            starts.removeSubrange(kept...)
        }
        // `title:` terms: the first occurrence (starts ascend) must end inside the title's positions.
        if term.titleOnly, let first = starts.first {
            return UInt64(first) + UInt64(term.tokens.count) <= UInt64(reader.titleLength(doc))
        }
        return !starts.isEmpty
    }

    /// The positions of token `t` in `doc` (its cursor must be on `doc`), ascending.
    private func positions(of t: Int, _ doc: UInt32, _ body: (UInt32) -> Bool) {
        guard case .prefix = plan.tokens[t].element else {
            text[t]!.forEachPosition(body)
            if text[t]!.damaged { damaged = true }
            return
        }
        if prefixCursors[t] == nil {
            prefixCursors[t] = plan.tokens[t].prefixRange.map { reader.textCursor(reader.cjkEntry($0)) }
        }
        var all: [UInt32] = []
        for c in prefixCursors[t]! {
            c.advance(to: doc)
            if c.doc == doc { c.forEachPosition { all.append($0); return true } }
            if c.damaged { damaged = true }
        }
        all.sort()
        for p in all where !body(p) { return }
    }
}

/// The scoring lists of one execution: every scoring token's text cursor with its score bounds, numbered by
/// ascending list bound (ties by token number), and a flat copy of each cursor's current document, so the
/// mode-any loops compare integers in one buffer rather than reading objects.
///
/// Bounds (BM25's term part grows with tf and shrinks with the field length, for any k1 and b): a list's bound
/// is its largest tf at the segment's shortest text, plus the title list's (its largest tf at the shortest
/// title, times the title weight). A block's is the block's largest tf at the block's shortest text, read from
/// its skip entry without decoding the block, plus the same bound over the title blocks that may hold a
/// document of the block (nothing when none does: titles are short, so most text blocks have no title
/// document of a token). The per-list arrays share one allocation, made once per execution and freed by
/// `deallocate()`.
///
/// With `titlesApart`, a token's title list is a list of its own (when its bound is above 0) and its text
/// list's bounds leave the title out: a document whose title lacks every token is bounded by its text alone,
/// which is most documents, since titles are short and a token's title weighs far more than its text. Every
/// title list is inside its token's text list (a title's tokens are the first positions of the text field).
struct ScoringLists {
    /// Lists (scoring tokens that occur in the segment).
    let count: Int
    /// List k's cursor (its text cursor, or its title cursor for a title list), and its title cursor when the
    /// title is folded into its bounds.
    let cursors: ContiguousArray<PostingsCursor>
    private let titles: ContiguousArray<PostingsCursor?>
    /// List k's token number.
    let token: UnsafeMutablePointer<Int>
    /// Whether list k is a title list (only with `titlesApart`).
    let isTitle: UnsafeMutablePointer<Bool>
    /// List k's cursor's document (`advance` and `next` keep it; a cursor moved otherwise is only behind it).
    let docs: UnsafeMutablePointer<UInt32>
    /// List k's bound over the whole list, and its title part.
    let listBound: UnsafeMutablePointer<Double>
    let titleBound: UnsafeMutablePointer<Double>
    /// A permutation of the list numbers for the loops to sort (the identity at first).
    let order: UnsafeMutablePointer<Int>
    /// MaxScore's window: list k's bound inside it, and `windowBound[order[0]] + … + windowBound[order[p]]`.
    let windowBound: UnsafeMutablePointer<Double>
    let windowSum: UnsafeMutablePointer<Double>
    /// The block of list k whose bound is known (−1: none yet), that bound, and the documents it holds for
    /// (those after the previous block's last, up to its own last).
    private let knownBlock: UnsafeMutablePointer<Int>
    private let knownBound: UnsafeMutablePointer<Double>
    private let knownLow: UnsafeMutablePointer<UInt32>
    private let knownLast: UnsafeMutablePointer<UInt32>
    /// List k's idf, the weight of its field, and the average length of its field (its blocks' bounds).
    private let idf: UnsafeMutablePointer<Double>
    private let weight: UnsafeMutablePointer<Double>
    private let average: UnsafeMutablePointer<Double>
    private let titleIdf: UnsafeMutablePointer<Double>
    private let bm25: BM25
    private let titleWeight: Double
    private let averageTitle: Double
    private let minTitleLength: Double
    private let storage: UnsafeMutableRawPointer

    /// The lists of `execution`'s scoring tokens that the segment holds, their cursors where they stand; with
    /// `titlesApart`, their title lists too, as lists of their own.
    init(_ execution: QueryExecution, titlesApart: Bool = false) {
        let plan = execution.plan, options = execution.options
        let stats = execution.reader.statistics
        var lists: [(token: Int, isTitle: Bool, bound: Double, title: Double)] = []
        for t in plan.tokens.indices where plan.tokens[t].scores {
            guard let cursor = execution.text[t] else { continue }
            var title = 0.0
            if let c = execution.title[t] {
                title = options.titleWeight * options.bm25.score(tf: Double(c.listMaxTF()), idf: plan.tokens[t].titleIdf,
                                                                 length: Double(stats.minTitleLength),
                                                                 averageLength: execution.averageTitle)
            }
            let text = options.bm25.score(tf: Double(cursor.listMaxTF()), idf: plan.tokens[t].idf,
                                          length: Double(stats.minTextLength), averageLength: execution.averageText)
            if titlesApart {
                lists.append((t, false, text, 0))
                if title > 0 { lists.append((t, true, title, 0)) }
            } else {
                lists.append((t, false, text + title, title))
            }
        }
        lists.sort { a, b in
            a.bound != b.bound ? a.bound < b.bound : a.token != b.token ? a.token < b.token : !a.isTitle && b.isTitle
        }
        count = lists.count
        cursors = ContiguousArray(lists.map { $0.isTitle ? execution.title[$0.token]! : execution.text[$0.token]! })
        titles = ContiguousArray(lists.map { titlesApart ? nil : execution.title[$0.token] })
        // Twelve arrays of 8-byte values, three of UInt32, then one of Bool.
        let n = lists.count
        storage = .allocate(byteCount: max(1, n * (12 * 8 + 3 * 4 + 1)), alignment: 8)
        var next = storage
        token = Self.carve(&next, n)
        order = Self.carve(&next, n)
        knownBlock = Self.carve(&next, n)
        listBound = Self.carve(&next, n)
        titleBound = Self.carve(&next, n)
        windowBound = Self.carve(&next, n)
        windowSum = Self.carve(&next, n)
        knownBound = Self.carve(&next, n)
        idf = Self.carve(&next, n)
        weight = Self.carve(&next, n)
        average = Self.carve(&next, n)
        titleIdf = Self.carve(&next, n)
        docs = Self.carve(&next, n)
        knownLow = Self.carve(&next, n)
        knownLast = Self.carve(&next, n)
        isTitle = Self.carve(&next, n)
        bm25 = options.bm25
        titleWeight = options.titleWeight
        averageTitle = execution.averageTitle
        minTitleLength = Double(stats.minTitleLength)
        for (k, list) in lists.enumerated() {
            token[k] = list.token
            order[k] = k
            docs[k] = cursors[k].doc
            listBound[k] = list.bound
            titleBound[k] = list.title
            windowBound[k] = list.bound
            knownBlock[k] = -1
            knownBound[k] = 0
            knownLow[k] = 1
            knownLast[k] = 0
            isTitle[k] = list.isTitle
            idf[k] = list.isTitle ? plan.tokens[list.token].titleIdf : plan.tokens[list.token].idf
            weight[k] = list.isTitle ? options.titleWeight : 1
            average[k] = list.isTitle ? execution.averageTitle : execution.averageText
            titleIdf[k] = plan.tokens[list.token].titleIdf
        }
    }

    func deallocate() { storage.deallocate() }

    /// The next `n` values of type `T` of the storage at `next`, which moves past them.
    private static func carve<T>(_ next: inout UnsafeMutableRawPointer, _ n: Int) -> UnsafeMutablePointer<T> {
        defer { next += n * MemoryLayout<T>.stride }
        return next.bindMemory(to: T.self, capacity: n)
    }

    /// Moves list k to its first document ≥ `target`.
    @inline(__always) func advance(_ k: Int, to target: UInt32) {
        cursors[k].advance(to: target)
        docs[k] = cursors[k].doc
    }

    /// Moves list k to its next document.
    @inline(__always) func next(_ k: Int) {
        cursors[k].next()
        docs[k] = cursors[k].doc
    }

    /// The most list k adds to the score of a document in its block that holds `target`, read from the skip
    /// entry without decoding (a shallow seek), and the last document that bound holds for: 0 up to the
    /// document before the cursor's when the cursor stands past `target`, 0 to the end when the list ends
    /// before `target`. O(blocks passed); a block's bound is computed once.
    @inline(__always) func blockBound(_ k: Int, at target: UInt32) -> (bound: Double, last: UInt32) {
        let d = docs[k]
        if d > target { return (0, d - 1) }
        if knownLow[k] <= target && target <= knownLast[k] { return (knownBound[k], knownLast[k]) }
        return seekBlock(k, target)
    }

    /// `blockBound` past the known block: finds the block holding `target` from the skip entries.
    private func seekBlock(_ k: Int, _ target: UInt32) -> (bound: Double, last: UInt32) {
        let c = cursors[k]
        var from = c.currentBlock
        let known = knownBlock[k]
        if known >= from && knownLast[k] < target { from = known + 1 }
        let b = c.blockIndex(holding: target, from: from)
        if b >= c.blocks { return (0, PostingsCursor.end) }
        knownBlock[k] = b
        knownLow[k] = b == 0 ? 0 : c.lastDoc(ofBlock: b - 1) &+ 1
        knownLast[k] = c.lastDoc(ofBlock: b)
        if let (maxTF, minLength) = c.bounds(ofBlock: b) {
            knownBound[k] = weight[k] * bm25.score(tf: Double(maxTF), idf: idf[k], length: Double(minLength),
                                                   averageLength: average[k])
                + titleBound(k, from: knownLow[k], through: knownLast[k])
        } else {
            knownBound[k] = listBound[k]
        }
        return (knownBound[k], knownLast[k])
    }

    /// The most list k's title part adds to a document in `lo ... hi`: 0 when no title block may hold one.
    private func titleBound(_ k: Int, from lo: UInt32, through hi: UInt32) -> Double {
        guard let title = titles[k], let (maxTF, minLength) = title.bounds(from: lo, through: hi) else { return 0 }
        return titleWeight * bm25.score(tf: Double(maxTF), idf: titleIdf[k], length: minLength.map(Double.init) ?? minTitleLength,
                                        averageLength: averageTitle)
    }

    // MARK: Windows (block-max MaxScore)

    /// The end of the window that starts at `start`: the first end of the current blocks of the lists
    /// `order[lead...]`, at least 32 documents per lead list (so a window is never a handful of documents long
    /// for bounds computed over every list, as Lucene's MaxScore does), at most `limit`.
    func windowEnd(leads lead: Int, from start: UInt32, limit: UInt32) -> UInt32 {
        let first = min(lead, count - 1)
        var end = UInt64(limit)
        for p in first..<count {
            let last = blockBound(order[p], at: max(docs[order[p]], start)).last
            end = min(end, UInt64(last) + 1)
        }
        if count - first > 1 { end = max(end, UInt64(start) + 32 * UInt64(count - first)) }
        return UInt32(min(end, UInt64(limit)))
    }

    /// Sets `windowBound` to each list's bound inside `start ..< end` (the largest bound of the blocks that
    /// meet it; 0 when the list holds nothing there), orders the lists by it (ties by list number) into
    /// `order` with their sums in `windowSum`, and returns how many of the first lists cannot, all of them
    /// together, lift a document to `threshold`: those MaxScore leaves out inside the window.
    func partition(window start: UInt32, _ end: UInt32, threshold: Double, slack: Double) -> Int {
        for k in 0..<count {
            var bound = 0.0
            var target = max(docs[k], start)
            while target < end {
                let b = blockBound(k, at: target)
                bound = max(bound, b.bound)
                if b.last >= end - 1 { break }
                target = b.last + 1
            }
            windowBound[k] = bound
        }
        let bounds = windowBound
        var permutation = UnsafeMutableBufferPointer(start: order, count: count)
        permutation.sort { a, b in
            bounds[a] != bounds[b] ? bounds[a] < bounds[b] : a < b
        }
        var sum = 0.0
        var leftOut = 0
        for p in 0..<count {
            sum += windowBound[order[p]]
            windowSum[p] = sum
            if sum * slack < threshold { leftOut = p + 1 }
        }
        return leftOut
    }

    /// The most `doc` can score, the cursors standing anywhere: block bounds of the lists whose cursors stand on
    /// it, list bounds of those behind it, nothing for those past it. Reads the cursors, not `docs`.
    func bound(of doc: UInt32) -> Double {
        var sum = 0.0
        for k in 0..<count {
            let at = cursors[k].doc
            if at == doc {
                docs[k] = at
                sum += blockBound(k, at: doc).bound
            } else if at < doc {
                sum += listBound[k]
            }
        }
        return sum
    }
}

/// Mode any: every scoring token's list is optional; a document scores the BM25 sum of the tokens it holds.
///
/// Three loops find the same top k and differ only in what they skip. `runAny` picks one by the number of
/// lists: one list without a title list is scanned block by block; up to a few hundred go to block-max WAND,
/// with each title list a list of its own (`ScoringLists`' `titlesApart`); more go to block-max MaxScore
/// (`QueryExecution+MaxScore.swift`), which leaves out the lists that cannot lift a document into the top k. Every loop passes a block only when the skip entries' bounds, summed, fall short of the k-th
/// best score, decodes blocks only where the bounds may beat it, and scores with `add` in token order, so
/// the hits and their bits are the same whichever runs.
extension QueryExecution {
    /// The loop a mode-any execution runs.
    enum AnyStrategy: Sendable {
        /// The only list, block by block.
        case singleList
        /// Block-max WAND over lists kept sorted by document.
        case blockMaxWAND
        /// Block-max MaxScore: essential lists drive, the others are probed.
        case blockMaxScore
    }

    /// Lists above which MaxScore beats WAND. Both cost about the lists on a document per document; WAND's
    /// pivot skips more finely, MaxScore's windows leave out more lists once there are hundreds. Measured on
    /// the 100 MB generated corpus (queries of 4 to 2,048 characters or bigrams, thread CPU time): WAND ahead
    /// by 5–30 % up to 128 lists, even at 256; MaxScore ahead from 512 (−10 % at 512 characters, −30 % at
    /// 1,024, −45 % at 2,048).
    static let maxScoreListCount = 384

    /// The strategy for `textLists` text lists (`options.anyStrategy` overrides it where it applies): WAND for
    /// one list too, which `runAny` turns into the single-list loop when the token has no title list.
    func anyStrategy(textLists: Int) -> AnyStrategy {
        if let forced = options.anyStrategy, forced != .singleList { return forced }
        return textLists > Self.maxScoreListCount ? .blockMaxScore : .blockMaxWAND
    }

    func runAny(_ range: Range<UInt32>) -> (hits: [ScoredDocument], total: Int) {
        var top = TopK(k: options.top)
        var total = 0
        if plan.hasUnmatchableFilter { return ([], 0) }
        var textLists = 0
        for t in plan.tokens.indices where plan.tokens[t].scores && text[t] != nil { textLists += 1 }
        guard textLists > 0 else { return ([], 0) }
        var strategy = anyStrategy(textLists: textLists)
        let lists = ScoringLists(self, titlesApart: strategy == .blockMaxWAND)
        defer { lists.deallocate() }
        if lists.count == 1 { strategy = .singleList }
        for k in 0..<lists.count { lists.advance(k, to: range.lowerBound) }
        switch strategy {
        case .singleList: runSingleList(lists, range, &top, &total)
        case .blockMaxWAND: runBlockMaxWAND(lists, range, &top, &total)
        case .blockMaxScore: runBlockMaxScore(lists, range, &top, &total)
        }
        return (top.sorted(), total)
    }

    // MARK: One list

    /// The only list, block by block: a block whose bound cannot reach the k-th best score is passed by its
    /// skip entry, undecoded, as are the blocks after it up to the first that can.
    private func runSingleList(_ lists: ScoringLists, _ range: Range<UInt32>, _ top: inout TopK, _ total: inout Int) {
        let t = lists.token[0]
        while lists.docs[0] < range.upperBound {
            if stopRequested() { break }
            let doc = lists.docs[0]
            let threshold = pruningThreshold(top)
            if threshold > -.infinity {
                let target = firstCompetitive(0..<1, from: doc, limit: range.upperBound, threshold: threshold, lists)
                if target > doc {
                    pruned = true
                    lists.advance(0, to: target)
                    continue
                }
            }
            if admits(doc) {
                let c = lists.cursors[0]
                let factor = textLengthFactor(doc)
                let part = textPart(t, tf: c.tf, factor)
                accept(doc, &top, &total, scoreBound: { part + lists.titleBound[0] }) {
                    var sum = 0.0
                    add(t, textPart: part, doc, to: &sum)
                    return sum
                }
            }
            lists.next(0)
        }
    }

    /// The first document from `doc` on (below `limit`) that the blocks of the lists `lists.order[group]` may
    /// lift to `threshold`: their block bounds at a document hold up to the first of their blocks' last
    /// documents, so a sum short of the threshold passes all of them at once. Skip entries only; nothing is
    /// decoded. `limit` when no such document is below it.
    @inline(__always) private func firstCompetitive(_ group: Range<Int>, from doc: UInt32, limit: UInt32, threshold: Double,
                                  _ lists: ScoringLists) -> UInt32 {
        var target = doc
        while target < limit {
            var sum = 0.0
            var last = PostingsCursor.end
            for p in group {
                let b = lists.blockBound(lists.order[p], at: target)
                sum += b.bound
                last = min(last, b.last)
            }
            if sum * slack >= threshold { return target }
            if last >= limit - 1 { return limit }
            target = last + 1
        }
        return limit
    }

    // MARK: Block-max WAND

    /// Block-max WAND (Ding and Suel): lists sorted by document; the pivot is the first list at which the list
    /// bounds of those before it may beat the threshold; before decoding anything up to it, the block bounds
    /// at the pivot document are summed and the blocks passed while the sum falls short. Title lists are
    /// lists of their own: one standing on the pivot document bounds its title part, which `add` scores.
    private func runBlockMaxWAND(_ lists: ScoringLists, _ range: Range<UInt32>, _ top: inout TopK, _ total: inout Int) {
        let n = lists.count
        let order = lists.order
        var held = PresentTokens(tokens: plan.tokens.count)
        defer { held.deallocate() }
        while true {
            if stopRequested() { break }
            // Insertion sort by document: lists move a little each step, so the order is nearly sorted.
            for i in 1..<n {
                var j = i
                let k = order[j]
                while j > 0 && lists.docs[order[j - 1]] > lists.docs[k] {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = k
            }
            let threshold = pruningThreshold(top)
            var sum = 0.0
            var pivot = -1
            for p in 0..<n {
                let k = order[p]
                if lists.docs[k] >= range.upperBound { break }
                sum += lists.listBound[k]
                if sum * slack >= threshold { pivot = p; break }
            }
            if pivot < 0 {
                if lists.docs[order[0]] < range.upperBound { pruned = true }
                break
            }
            let pivotDoc = lists.docs[order[pivot]]
            var last = pivot
            while last + 1 < n && lists.docs[order[last + 1]] == pivotDoc { last += 1 }
            var target = pivotDoc
            if threshold > -.infinity {
                let limit = min(last + 1 < n ? lists.docs[order[last + 1]] : PostingsCursor.end, range.upperBound)
                target = firstCompetitive(0..<last + 1, from: pivotDoc, limit: limit, threshold: threshold, lists)
            }
            if target > pivotDoc || lists.docs[order[0]] < pivotDoc {
                // Documents before the pivot cannot beat the threshold (their lists' bounds fall short), nor
                // can those before `target` (their blocks' bounds do).
                pruned = true
                for p in 0...last where lists.docs[order[p]] < target { lists.advance(order[p], to: target) }
                continue
            }
            // Every list up to `last` stands on the pivot document, and no other list holds it.
            if admits(pivotDoc) {
                let factor = textLengthFactor(pivotDoc)
                var partial = 0.0
                for p in 0...last {
                    let k = order[p]
                    if lists.isTitle[k] {
                        partial += lists.listBound[k]
                    } else {
                        partial += held.note(lists.token[k], textPart(lists.token[k], tf: lists.cursors[k].tf, factor))
                            + lists.titleBound[k]
                    }
                }
                accept(pivotDoc, &top, &total, scoreBound: { partial }) {
                    held.score { t, part, sum in add(t, textPart: part, pivotDoc, to: &sum) }
                }
                held.clear()
            }
            for p in 0...last { lists.next(order[p]) }
        }
    }
}

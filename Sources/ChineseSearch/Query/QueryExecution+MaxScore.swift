/// Block-max MaxScore (Turtle and Flood; Lucene 10's default for disjunctions), over windows of documents.
///
/// A window runs to the first end of the current blocks of the lists that drove the last one. Inside it each
/// list is bounded by its blocks that meet the window (skip entries only); the lists of the smallest bounds
/// whose sum cannot reach the k-th best score are left out: a window that no list can lift is passed without
/// decoding a block, and in the others only the remaining (essential) lists are iterated, a candidate probing
/// the left-out lists, largest bound first, while the bounds say it can still enter; as the k-th best score
/// rises inside a window, more lists are left out (O(1) each). The cost per candidate is the essential lists
/// plus the probes it earns, not the number of lists.
extension QueryExecution {
    func runBlockMaxScore(_ lists: ScoringLists, _ range: Range<UInt32>, _ top: inout TopK, _ total: inout Int) {
        let n = lists.count, order = lists.order
        var held = PresentTokens(tokens: plan.tokens.count)
        defer { held.deallocate() }
        var essential = 0
        var start = range.lowerBound
        while start < range.upperBound {
            if stopRequested() { break }
            let threshold = pruningThreshold(top)
            let end = lists.windowEnd(leads: essential, from: start, limit: range.upperBound)
            essential = lists.partition(window: start, end, threshold: threshold, slack: slack)
            if essential > 0 { pruned = true }
            var doc = PostingsCursor.end
            for p in essential..<n {
                if lists.docs[order[p]] < start { lists.advance(order[p], to: start) }
                doc = min(doc, lists.docs[order[p]])
            }
            while doc < end {
                if stopRequested() { break }
                evaluate(doc, lists, essential, &held, &top, &total)
                for p in essential..<n where lists.docs[order[p]] == doc { lists.next(order[p]) }
                // A higher threshold leaves out more lists: the window's bounds still hold, in the same order.
                let threshold = pruningThreshold(top)
                while essential < n && lists.windowSum[essential] * slack < threshold {
                    essential += 1
                    pruned = true
                }
                doc = PostingsCursor.end
                for p in essential..<n { doc = min(doc, lists.docs[order[p]]) }
            }
            start = min(doc, end)
        }
    }

    /// Scores `doc`, the essential lists `order[essential...]` on it or past it, if its bounds let it enter.
    @inline(__always)
    private func evaluate(_ doc: UInt32, _ lists: ScoringLists, _ essential: Int, _ held: inout PresentTokens,
                          _ top: inout TopK, _ total: inout Int) {
        let n = lists.count, order = lists.order
        let threshold = pruningThreshold(top)
        let leftOut = essential > 0 ? lists.windowSum[essential - 1] : 0
        if threshold > -.infinity {
            // Block bounds first: nothing of the document is read yet.
            var bound = leftOut
            for p in essential..<n where lists.docs[order[p]] == doc { bound += lists.blockBound(order[p], at: doc).bound }
            if bound * slack < threshold {
                pruned = true
                return
            }
        }
        guard isCandidate(doc) else { return }
        let factor = textLengthFactor(doc)
        // Essential lists on `doc`: their exact text parts plus their title bounds.
        var partial = 0.0
        for p in essential..<n {
            let k = order[p]
            if lists.docs[k] == doc {
                partial += held.note(lists.token[k], textPart(lists.token[k], tf: lists.cursors[k].tf, factor))
                    + lists.titleBound[k]
            }
        }
        defer { held.clear() }
        guard probeLeftOut(lists, essential, doc, factor, threshold, &partial, &held) else {
            pruned = true
            return
        }
        if isExcluded(doc) { return }
        accept(doc, &top, &total, scoreBound: { partial }) {
            held.score { t, part, sum in add(t, textPart: part, doc, to: &sum) }
        }
    }

    /// Adds to `partial` the left-out lists `order[..<essential]` that hold `doc`, largest window bound first,
    /// and notes their tokens in `held`; false as soon as the bounds show `doc` cannot reach `threshold`.
    /// A shallow pass first replaces window bounds with the block bounds at `doc` (skip entries only); then
    /// lists are advanced, each only while the others can still lift `doc` to the threshold.
    private func probeLeftOut(_ lists: ScoringLists, _ essential: Int, _ doc: UInt32, _ textFactor: Double,
                              _ threshold: Double, _ partial: inout Double, _ held: inout PresentTokens) -> Bool {
        guard essential > 0 else { return true }
        let order = lists.order
        var bound = partial + lists.windowSum[essential - 1]
        var remaining = 0.0
        for p in stride(from: essential - 1, through: 0, by: -1) {
            if bound * slack < threshold { return false }
            let k = order[p]
            let block = lists.blockBound(k, at: doc).bound
            bound -= lists.windowBound[k] - block
            remaining += block
        }
        for p in stride(from: essential - 1, through: 0, by: -1) {
            if (partial + remaining) * slack < threshold { return false }
            let k = order[p]
            remaining -= lists.blockBound(k, at: doc).bound
            if lists.docs[k] < doc { lists.advance(k, to: doc) }
            if lists.docs[k] == doc {
                partial += held.note(lists.token[k], textPart(lists.token[k], tf: lists.cursors[k].tf, textFactor))
                    + lists.titleBound[k]
            }
        }
        return true
    }
}

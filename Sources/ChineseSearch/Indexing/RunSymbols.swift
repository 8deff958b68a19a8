import Dispatch

/// The symbol ranking of a segment about to be written: the scalars of its runs' stored text counted before
/// the first block is coded, on up to `threads` workers (a run at a time, each worker its own counter, the
/// counters added), so the ranking does not depend on the number of workers.
enum RunSymbols {
    /// The ranking of the stored text of `runs`. O(text / threads + 65,536 · threads).
    static func ranking(_ runs: [Run], threads: Int) -> SymbolRanking {
        let workers = max(1, min(threads, runs.count))
        let claims = WorkSlots<Bool>(count: runs.count)
        let counters = WorkSlots<SymbolCounter>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var counter = SymbolCounter()
            while let i = claims.claim() {
                RunDocument.forEach(in: runs[i]) { counter.count($0.stored) }
            }
            counters.store(worker, counter)
        }
        var total = SymbolCounter()
        for counter in counters.results { if let counter { total.add(counter) } }
        return total.ranking()
    }
}

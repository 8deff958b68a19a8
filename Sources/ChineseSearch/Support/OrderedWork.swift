import Dispatch

/// Items computed on several threads and consumed in order on the calling thread, each as soon as it and
/// every item before it are done, so consuming overlaps computing. While the item it needs next is not done,
/// the calling thread computes unclaimed items itself: it only ever waits for an item a running thread is
/// computing, so the work finishes even if Dispatch never starts a helper.
enum OrderedWork {
    /// Computes `work(i)` for every i in `0..<count` on the calling thread and up to `threads − 1` Dispatch
    /// workers, and calls `consume(i, value)` on the calling thread in the order of i. Once `consume` returns
    /// false, the rest is computed but not consumed.
    static func run<Value>(count: Int, threads: Int, work: @escaping @Sendable (Int) -> Value,
                           consume: (Int, Value) -> Bool) {
        let slots = WorkSlots<Value>(count: count)
        let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        @Sendable func compute(_ j: Int) {
            slots.store(j, work(j))
            ready[j].signal()
        }
        let helpers = DispatchGroup()
        for _ in 1..<max(1, min(threads, count)) {
            DispatchQueue.global().async(group: helpers) {
                while let j = slots.claim() { compute(j) }
            }
        }
        var consuming = true
        for i in 0..<count {
            while slots.value(i) == nil, let j = slots.claim() { compute(j) }
            ready[i].wait()
            if consuming { consuming = consume(i, slots.value(i)!) }
        }
        helpers.wait()
    }
}

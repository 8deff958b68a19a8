import Foundation
import XCTest
@testable import ChineseSearch

/// `OrderedWork`: every item computed once, consumed in order on the calling thread, whatever the threads.
final class OrderedWorkTests: XCTestCase {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int]
        init(_ n: Int) { counts = [Int](repeating: 0, count: n) }
        func add(_ i: Int) { lock.withLock { counts[i] += 1 } }
        var all: [Int] { lock.withLock { counts } }
    }

    func testItemsAreComputedOnceAndConsumedInOrder() {
        for count in [0, 1, 2, 7, 64] {
            for threads in [1, 2, 8] {
                let computed = Counter(count)
                var consumed: [Int] = []
                OrderedWork.run(count: count, threads: threads, work: { i in
                    computed.add(i)
                    // Uneven work, so items finish out of order.
                    if i % 3 == 0 { usleep(UInt32(200 * (count - i))) }
                    return i * i
                }, consume: { i, value in
                    XCTAssertEqual(value, i * i)
                    consumed.append(i)
                    return true
                })
                XCTAssertEqual(consumed, Array(0..<count), "count \(count), threads \(threads)")
                XCTAssertEqual(computed.all, [Int](repeating: 1, count: count), "count \(count), threads \(threads)")
            }
        }
    }

    func testConsumingStopsWhenTheConsumerSaysSoAndTheRestIsStillComputed() {
        let computed = Counter(20)
        var consumed: [Int] = []
        OrderedWork.run(count: 20, threads: 2, work: { i in computed.add(i); return i }, consume: { i, _ in
            consumed.append(i)
            return i < 4
        })
        XCTAssertEqual(consumed, [0, 1, 2, 3, 4])
        XCTAssertEqual(computed.all, [Int](repeating: 1, count: 20))
    }
}

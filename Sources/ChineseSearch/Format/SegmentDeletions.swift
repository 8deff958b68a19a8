/// The deleted documents of one segment and what they took from its document frequencies.
///
/// ```
/// SegmentDeletions --> DeletedBits u64^⌈documentCount / 64⌉, decrementCount u32, 0 u32, Decrement^decrementCount
/// Decrement        --> termOrdinal u32, textDecrement u32, titleDecrement u32                         (12 bytes)
/// ```
/// Bit `d mod 64` of word `d / 64` is set when local document `d` is deleted. A term's ordinal numbers the
/// segment's dictionaries one after the other: CJK tokens `0 ..< c`, words `c ..< c + w`, characters after them.
/// Decrements ascend by ordinal; `textDecrement` deleted documents held the term in their text field and
/// `titleDecrement` in their title, so the live df is the list's df minus its decrement. Postings are never
/// rewritten for a delete; a merge drops the deleted documents and their decrements together.
struct SegmentDeletions: Equatable {
    /// One term's decrement.
    struct Decrement: Equatable {
        var ordinal: UInt32
        var text: UInt32
        var title: UInt32
    }

    var bits: [UInt64]
    var decrements: [Decrement]

    /// No deletions in a segment of `documentCount` documents.
    init(documentCount: Int) {
        bits = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
        decrements = []
    }

    init(bits: [UInt64], decrements: [Decrement]) {
        self.bits = bits
        self.decrements = decrements
    }

    var deletedCount: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    @inline(__always) func isDeleted(_ doc: UInt32) -> Bool {
        let w = Int(doc >> 6)
        return w < bits.count && bits[w] & (1 << UInt64(doc & 63)) != 0
    }

    mutating func markDeleted(_ doc: UInt32) { bits[Int(doc >> 6)] |= 1 << UInt64(doc & 63) }

    /// The decrement of term `ordinal`: (text, title). O(log decrements).
    func decrement(of ordinal: UInt32) -> (text: UInt32, title: UInt32) {
        var low = 0, high = decrements.count
        while low < high {
            let mid = (low + high) >> 1
            if decrements[mid].ordinal < ordinal { low = mid + 1 } else { high = mid }
        }
        return low < decrements.count && decrements[low].ordinal == ordinal ? (decrements[low].text, decrements[low].title) : (0, 0)
    }

    /// Adds the decrements of one more deleted document (sorted by ordinal, each ordinal once).
    mutating func add(_ more: [Decrement]) {
        var merged: [Decrement] = []
        merged.reserveCapacity(decrements.count + more.count)
        var i = 0, j = 0
        while i < decrements.count || j < more.count {
            if j == more.count || (i < decrements.count && decrements[i].ordinal < more[j].ordinal) {
                merged.append(decrements[i]); i += 1
            } else if i == decrements.count || more[j].ordinal < decrements[i].ordinal {
                merged.append(more[j]); j += 1
            } else {
                merged.append(Decrement(ordinal: more[j].ordinal, text: decrements[i].text + more[j].text,
                                        title: decrements[i].title + more[j].title))
                i += 1; j += 1
            }
        }
        decrements = merged
    }

    func encode(into w: inout ByteWriter) {
        for word in bits { w.u64(word) }
        w.u32(UInt32(decrements.count)); w.u32(0)
        for d in decrements { w.u32(d.ordinal); w.u32(d.text); w.u32(d.title) }
    }

    /// Decodes the deletions of a segment of `documentCount` documents; nil when the sizes or order are wrong.
    init?(loading b: UnsafeRawBufferPointer, documentCount: Int) {
        let words = (documentCount + 63) / 64
        guard b.count >= words * 8 + 8 else { return nil }
        bits = (0..<words).map { b.u64Unchecked(at: $0 * 8) }
        let count = Int(b.u32Unchecked(at: words * 8))
        guard b.count == words * 8 + 8 + count * 12 else { return nil }
        var decrements: [Decrement] = []
        decrements.reserveCapacity(count)
        for i in 0..<count {
            let o = words * 8 + 8 + i * 12
            let d = Decrement(ordinal: b.u32Unchecked(at: o), text: b.u32Unchecked(at: o + 4), title: b.u32Unchecked(at: o + 8))
            if let last = decrements.last, last.ordinal >= d.ordinal { return nil }
            decrements.append(d)
        }
        self.decrements = decrements
        // Bits past the last document must be clear.
        if documentCount % 64 != 0, let last = bits.last, last >> UInt64(documentCount % 64) != 0 { return nil }
    }
}

/// Counts the scalars of a segment's stored text, for its `SymbolRanking`.
///
/// Counts live in a dense array for the Basic Multilingual Plane (every CJK character of common text) and a
/// dictionary for the rest. Bytes that are not well-formed UTF-8 are not counted (the code escapes them). Counts
/// of parts of a text add up, so workers may count separate documents and `add` their counters: the ranking
/// depends only on the totals. O(text) to count; memory 512 KB.
public struct SymbolCounter: Sendable {
    private var basic: [Int]
    private var supplementary: [UInt32: Int] = [:]

    /// A counter with every count 0.
    public init() { basic = [Int](repeating: 0, count: 0x10000) }

    /// Counts the well-formed scalars of `text`. O(text.count).
    public mutating func count(_ text: UnsafeRawBufferPointer) {
        guard let base = text.baseAddress else { return }
        let n = text.count
        basic.withUnsafeMutableBufferPointer { basic in
            var i = 0
            while i < n {
                guard let length = UTF8Sequence.length(at: i, in: base, count: n) else {
                    i += 1
                    continue
                }
                let scalar = UTF8Sequence.scalar(at: i, length: length, in: base)
                if scalar < 0x10000 { basic[Int(scalar)] += 1 } else { supplementary[scalar, default: 0] += 1 }
                i += length
            }
        }
    }

    /// Adds the counts of `other`. O(65,536 + other's supplementary scalars).
    public mutating func add(_ other: SymbolCounter) {
        basic.withUnsafeMutableBufferPointer { basic in
            other.basic.withUnsafeBufferPointer { more in
                for i in 0..<basic.count { basic[i] += more[i] }
            }
        }
        supplementary.merge(other.supplementary, uniquingKeysWith: +)
    }

    /// The ranking of the scalars counted (NUL left out): the segment's `SymbolTable`.
    /// O(65,536 + distinct · log distinct).
    public func ranking() -> SymbolRanking {
        var counted: [(scalar: UInt32, count: Int)] = []
        for (scalar, count) in basic.enumerated() where count > 0 && scalar != 0 { counted.append((UInt32(scalar), count)) }
        for (scalar, count) in supplementary { counted.append((scalar, count)) }
        return SymbolRanking(counted: counted)
    }
}

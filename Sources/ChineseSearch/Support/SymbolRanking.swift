/// The symbols of a segment's table and how many of them take one byte: the scalars of its stored text, most
/// frequent first, and the split between one- and two-byte ranks that codes them in the fewest bytes.
///
/// The split is chosen from the counts alone: for each number S of one-byte ranks (128…255) the code's size is
/// the counts of ranks below S once, of the next (255 − S)·256 twice, and of the rest escaped (two bytes per
/// UTF-8 byte), and the smallest wins (the larger S on a tie). Fewer codes of one byte leave room for more
/// symbols: a small segment of a few hundred characters codes all in one byte, while the generated 100 MB corpus
/// (8,265 scalars) gets S = 231 and 6,375 symbols (its text 48.76% of itself after LZ4; 52.44% with S fixed at
/// 128, 49.90% at 192).
public struct SymbolRanking: Sendable, Equatable {
    /// The number of one-byte ranks, S.
    public let singleByteRanks: Int
    /// The table's scalars in rank order, at most `SymbolCode.capacity(singleByteRanks:)`.
    public let scalars: [UInt32]

    /// The ranking of `counted`: scalars (valid, not NUL, each once) with their counts, in any order.
    /// O(n log n).
    public init(counted: [(scalar: UInt32, count: Int)]) {
        let sorted = counted.sorted { $0.count != $1.count ? $0.count > $1.count : $0.scalar < $1.scalar }
        // cost(S) = Σ ranks < S + 2·Σ ranks < capacity(S) + escaped bytes of the rest, through prefix sums.
        var prefix = [0], escapedPrefix = [0]
        for (scalar, count) in sorted {
            prefix.append(prefix.last! + count)
            escapedPrefix.append(escapedPrefix.last! + 2 * count * Self.utf8Length(scalar))
        }
        func upTo(_ sums: [Int], _ n: Int) -> Int { sums[min(n, sums.count - 1)] }
        var best = (single: 255, cost: Int.max)
        for single in (128...255).reversed() {
            let capacity = SymbolCode.capacity(singleByteRanks: single)
            let cost = upTo(prefix, single) + 2 * (upTo(prefix, capacity) - upTo(prefix, single))
                + (escapedPrefix.last! - upTo(escapedPrefix, capacity))
            if cost < best.cost { best = (single, cost) }
        }
        singleByteRanks = best.single
        scalars = sorted.prefix(SymbolCode.capacity(singleByteRanks: best.single)).map(\.scalar)
    }

    /// A ranking as given (tests and tools): `scalars` valid, not NUL, each once, at most the capacity of
    /// `singleByteRanks` (0…255).
    public init(singleByteRanks: Int, scalars: [UInt32]) {
        precondition((0...255).contains(singleByteRanks)
                     && scalars.count <= SymbolCode.capacity(singleByteRanks: singleByteRanks), "not a symbol ranking")
        self.singleByteRanks = singleByteRanks
        self.scalars = scalars
    }

    /// The `SymbolTable` bytes of this ranking. O(scalars).
    public var tableBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SymbolTable.headerSize + scalars.count * SymbolTable.entrySize)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: singleByteRanks >> shift)) }
        for scalar in scalars {
            let start = bytes.count
            UTF8Encoding.encode(scalar) { bytes.append($0) }
            while bytes.count < start + SymbolTable.entrySize { bytes.append(0) }
        }
        return bytes
    }

    private static func utf8Length(_ scalar: UInt32) -> Int { scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4 }
}

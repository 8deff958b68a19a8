/// Encodes text in the symbol code (`SymbolCode`) of one table: scalar → code through a dense array for the
/// Basic Multilingual Plane and a dictionary for the rest. Immutable once made, so workers share one.
public struct SymbolEncoder: Sendable {
    /// Per BMP scalar its code word: a one-byte rank as itself, a two-byte code as lead << 8 | low, or
    /// `absent` (the escape's lead, never a two-byte code's) when the table lacks it.
    private var basic: [UInt16]
    private var supplementary: [UInt32: UInt16] = [:]
    private static let absent: UInt16 = 0xFFFF

    private let singleByteRanks: UInt16

    /// The encoder of the table of `ranking`. O(65,536 + symbols).
    public init(_ ranking: SymbolRanking) {
        basic = [UInt16](repeating: Self.absent, count: 0x10000)
        let single = ranking.singleByteRanks
        singleByteRanks = UInt16(single)
        for (rank, scalar) in ranking.scalars.enumerated() {
            let word = rank < single ? UInt16(rank) : UInt16((single + (rank - single) >> 8) << 8 | (rank - single) & 0xFF)
            if scalar < 0x10000 { basic[Int(scalar)] = word } else { supplementary[scalar] = word }
        }
    }

    /// Encodes `text` into `codes`, which has room for `SymbolCode.maximumCodedLength(text.count)` bytes; returns
    /// the bytes written. Any bytes round-trip: what is not a listed scalar is escaped byte by byte.
    /// O(text.count).
    public func encode(_ text: UnsafeRawBufferPointer, into codes: UnsafeMutableRawBufferPointer) -> Int {
        var unused: [UInt32] = []
        return encode(text, into: codes, marksEvery: Int.max, marks: &unused)
    }

    /// Encodes as `encode(_:into:)` and replaces `marks` with one word per `interval` bytes of text (k = 1, 2, …
    /// while k·interval < text.count): `codeOffset << 2 | (textOffset − k·interval)` of the first code beginning at
    /// or after k·interval, or of the codes' and the text's end when none does (`StoredBlockMarks`).
    public func encode(_ text: UnsafeRawBufferPointer, into codes: UnsafeMutableRawBufferPointer, marksEvery interval: Int,
                       marks: inout [UInt32]) -> Int {
        precondition(codes.count >= SymbolCode.maximumCodedLength(text.count), "no room for the codes")
        precondition(interval >= 4, "a code's text (up to 4 bytes) must fit between marks")
        marks.removeAll(keepingCapacity: true)
        guard let input = text.baseAddress, let output = codes.baseAddress else { return 0 }
        let n = text.count
        let escape = SymbolCode.escape
        return basic.withUnsafeBufferPointer { basic in
            var i = 0, o = 0
            var nextMark = interval
            while i < n {
                if i >= nextMark {
                    marks.append(UInt32(o << 2 | (i - nextMark)))
                    nextMark += interval
                }
                let length = UTF8Sequence.length(at: i, in: input, count: n) ?? 1
                var word = Self.absent
                if length == 1 {
                    let byte = input.load(fromByteOffset: i, as: UInt8.self)
                    if byte < 0x80 { word = basic[Int(byte)] }
                } else {
                    let scalar = UTF8Sequence.scalar(at: i, length: length, in: input)
                    word = scalar < 0x10000 ? basic[Int(scalar)] : supplementary[scalar] ?? Self.absent
                }
                if word < singleByteRanks {
                    output.storeBytes(of: UInt8(word), toByteOffset: o, as: UInt8.self)
                    o += 1
                } else if word != Self.absent {
                    output.storeBytes(of: UInt8(word >> 8), toByteOffset: o, as: UInt8.self)
                    output.storeBytes(of: UInt8(word & 0xFF), toByteOffset: o + 1, as: UInt8.self)
                    o += 2
                } else {
                    for k in 0..<length {
                        if i + k >= nextMark {  // an escaped byte is a code of its own
                            marks.append(UInt32(o << 2 | (i + k - nextMark)))
                            nextMark += interval
                        }
                        output.storeBytes(of: escape, toByteOffset: o, as: UInt8.self)
                        output.storeBytes(of: input.load(fromByteOffset: i + k, as: UInt8.self), toByteOffset: o + 1, as: UInt8.self)
                        o += 2
                    }
                }
                i += length
            }
            while nextMark < n {
                marks.append(UInt32(o << 2 | (n - nextMark)))
                nextMark += interval
            }
            return o
        }
    }
}

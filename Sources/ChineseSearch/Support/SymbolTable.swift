/// A segment's symbol table (docs/FORMAT.md, "Stored text"), read in place: how many ranks take one byte, and
/// the scalars of its stored text in rank order, most frequent first.
///
/// ```
/// SymbolTable --> singleByteRanks u32, Symbol^symbolCount   (≤ 255; symbolCount ≤ its capacity)
/// Symbol      --> the scalar's UTF-8 bytes (1–4), zero bytes to 4                     (4 bytes)
/// ```
/// Each entry holds the UTF-8 a rank decodes to, so decoding stores 4 bytes and advances by the entry's length
/// (its bytes up to the last non-zero one) without building anything when a segment opens. An entry that is not
/// the shortest UTF-8 of a scalar other than NUL, or a scalar listed twice, is damage that `firstDamage()`
/// reports; a decoder reading such a table writes wrong bytes but never outside its output.
public struct SymbolTable {
    /// Bytes before the first entry.
    public static let headerSize = 4
    /// Bytes of one entry.
    public static let entrySize = 4
    /// Ranks below this take one byte (`SymbolCode`).
    public let singleByteRanks: Int
    /// Symbols in the table.
    public let count: Int
    /// The whole table: header, then the entries.
    private let bytes: UnsafeRawBufferPointer

    /// The table in `bytes` (a section's, or `SymbolRanking.tableBytes`); nil when its header is not a count of
    /// one-byte ranks (0…255), its length not a whole number of entries, or it holds more symbols than the code
    /// has ranks. O(1).
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= Self.headerSize, (bytes.count - Self.headerSize) % Self.entrySize == 0 else { return nil }
        let single = UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))
        guard single <= 255 else { return nil }
        let count = (bytes.count - Self.headerSize) / Self.entrySize
        guard count <= SymbolCode.capacity(singleByteRanks: Int(single)) else { return nil }
        singleByteRanks = Int(single)
        self.count = count
        self.bytes = bytes
    }

    /// The entry of rank `rank` (< count) as a little-endian word: its first byte in the low 8 bits. O(1).
    @inline(__always) func entry(_ rank: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: Self.headerSize &+ rank &* Self.entrySize, as: UInt32.self))
    }

    /// The first fault of the table, for `verify`: an entry that is not the shortest UTF-8 of one scalar (NUL
    /// excluded) padded with zeros, or a scalar listed twice. nil when intact. O(count · log count).
    func firstDamage() -> String? {
        var words: [UInt32] = []
        words.reserveCapacity(count)
        for rank in 0..<count {
            let word = entry(rank)
            let length = (32 - word.leadingZeroBitCount + 7) / 8
            let valid = withUnsafeBytes(of: word.littleEndian) { entry -> Bool in
                guard length > 0, let base = entry.baseAddress else { return false }
                return UTF8Sequence.length(at: 0, in: base, count: length) == length
            }
            guard valid else { return "stored text symbol \(rank) is not the UTF-8 of one scalar" }
            words.append(word)
        }
        words.sort()
        if zip(words, words.dropFirst()).contains(where: { $0 == $1 }) { return "stored text symbols list a scalar twice" }
        return nil
    }
}

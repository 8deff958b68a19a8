/// The layout of a text list's positions, shared by `PositionsEncoder` and `PostingsCursor`.
///
/// ```
/// Positions      --> PositionsBlock^blockCount                (one per postings block, in list order)
/// PositionsBlock --> Chunk^⌈T / 128⌉                          (T: the sum of the block's tfs)
/// Chunk          --> FullChunk (128 values) | RiceChunk (4…127 values) | PositionGap varint^n (n < 4)
/// FullChunk      --> chunkBytes u16, k u8, RiceCode^128       (chunkBytes: the bytes after the field)
/// RiceChunk      --> k u8, RiceCode^n
/// ```
/// A block's values are, per document in list order, its tf positions as gaps: the first from 0, each next one
/// from the previous position (the gap resets at every document). Chunk c of a block holds values
/// `128·c ..< min(T, 128·c + 128)`, so only a block's last chunk is shorter than 128; a document's values
/// begin at the sum of the tfs before it in its block, which the cursor has decoded already. The skip entry's
/// `positionsStart` is where the block's first chunk begins.
/// - 128 values: a chunk decodes once into the cursor's buffer and serves every document in it; the block
///   size of Lucene's and Tantivy's positions too.
/// - Rice codes (`RiceCoding`, k per chunk): gaps of a term in a document are nearly geometric; on the
///   generated 100 MB corpus they take 1.66 bytes a position, against 1.91 as LEB128 and 1.90 bit-packed
///   at the chunk's widest value (one large gap costs every value its width).
/// - `chunkBytes`: a cursor reaches chunk c by reading c lengths instead of decoding c chunks. The last chunk
///   needs none: nothing of its block follows it.
/// - Fewer than 4 values are varints: there the `k` byte costs more than Rice codes save.
enum PositionsFormat {
    /// Values per chunk.
    static let chunkSize = 128
    /// Chunks of fewer values are varints.
    static let riceMinimum = 4

    /// Values in chunk `c` of a block of `total` values.
    @inline(__always) static func chunkCount(_ c: Int, total: Int) -> Int { min(chunkSize, total - c * chunkSize) }

    /// The `chunkBytes` of the full chunk at `offset`: bytes of the chunk minus its 2-byte field; nil out of bounds.
    @inline(__always) static func chunkBytes(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        guard offset >= 0, offset <= buffer.count - 2 else { return nil }
        return Int(buffer[offset]) | Int(buffer[offset + 1]) << 8
    }

    /// Decodes the chunk of `n` values at `offset` into `out` (values, not positions); returns the offset after
    /// it, or nil when it is damaged: out of bounds, `k > 32`, a value past 32 bits, or a full chunk whose codes
    /// do not end where its `chunkBytes` says.
    static func decodeChunk(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int,
                            into out: UnsafeMutablePointer<UInt32>) -> Int? {
        if n < riceMinimum {
            var o = offset
            for i in 0..<n {
                guard let v = buffer.varint(at: &o), v <= UInt64(UInt32.max) else { return nil }
                out[i] = UInt32(v)
            }
            return o
        }
        var start = offset
        var declaredEnd: Int?
        if n == chunkSize {
            guard let bytes = chunkBytes(buffer, at: offset) else { return nil }
            start += 2
            declaredEnd = start + bytes
        }
        guard start >= 0, start < buffer.count else { return nil }
        let end = RiceCoding.decode(buffer, at: start + 1, count: n, k: Int(buffer[start]), into: out)
        if let declaredEnd, end != declaredEnd { return nil }
        return end
    }
}

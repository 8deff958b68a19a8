/// The layout of one postings list, shared by its encoder and its cursor.
///
/// ```
/// PostingsList --> SkipEntry^blockCount (only when blockCount > 1), Block^blockCount
/// SkipEntry    --> lastDoc u32, blockEnd u32, positionsStart u32, maxTF u32, minLength u32     (20 bytes)
/// Block        --> docWidth u8, tfWidth u8, PackedDocGaps(n), PackedTFMinusOne(n)
/// ```
/// `blockCount = ⌈df / 128⌉`; every block holds 128 documents but the last, which holds the rest.
/// 128: the skip interval, a block that fits in L1 while decoding, and Lucene's and Tantivy's choice too.
/// A document gap is `doc − previousDoc − 1` (the first document's previous is −1, across blocks too).
/// `blockEnd` is the end of the block counted from the first block's start (so the last entry's gives the
/// list's length); `positionsStart` is where the block's positions (`PositionsFormat`) begin, counted from the
/// start of the term's positions.
/// `maxTF` and `minLength` (the block's largest tf and shortest field length) bound BM25 inside the block
/// for any k1 and b.
enum PostingsFormat {
    /// Documents per block.
    static let blockSize = 128
    /// Bytes of one skip entry.
    static let skipEntrySize = 20

    /// Blocks of a list of `df` documents.
    @inline(__always) static func blockCount(df: Int) -> Int { (df + blockSize - 1) / blockSize }

    /// The bytes of the list of `df` (> 0) documents at `start` in `postings`, read from the list itself: the
    /// skip entries and the last one's `blockEnd` for several blocks, the block's two widths for one. Nil when
    /// that would pass the section (a damaged header or list). O(1).
    static func listByteCount(_ postings: UnsafeRawBufferPointer, at start: Int, df: Int) -> Int? {
        let blocks = blockCount(df: df)
        guard df > 0, start >= 0 else { return nil }
        let bytes: Int
        if blocks > 1 {
            let skipBytes = blocks * skipEntrySize
            guard start <= postings.count - skipBytes else { return nil }
            bytes = skipBytes + Int(postings.u32Unchecked(at: start + skipBytes - skipEntrySize + 4))
        } else {
            guard start <= postings.count - 2 else { return nil }
            let gapWidth = Int(postings[start]), tfWidth = Int(postings[start + 1])
            guard gapWidth <= 32, tfWidth <= 32 else { return nil }
            bytes = 2 + BitPacking.byteCount(count: df, width: gapWidth) + BitPacking.byteCount(count: df, width: tfWidth)
        }
        return bytes <= postings.count - start ? bytes : nil
    }
}

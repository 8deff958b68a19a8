/// Writes postings lists in the `PostingsFormat` layout (their positions: `PositionsEncoder`).
///
/// One encoder is reused for every list of a build; its scratch arrays grow once. O(df + positions) per list.
struct PostingsEncoder {
    private var gaps = [UInt32](repeating: 0, count: PostingsFormat.blockSize)
    private var tfsMinusOne = [UInt32](repeating: 0, count: PostingsFormat.blockSize)
    private var blocks = ByteWriter()
    private var skips = ByteWriter()

    /// Appends the list of `docs` (ascending) with their `tfs` to `out`.
    /// `lengths[doc]` is the field length used for the skip entries' `minLength`;
    /// `positionsStarts[b]`, when given, is where block b's positions begin (relative to the list's positions).
    mutating func encode(docs: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>,
                         lengths: UnsafeBufferPointer<UInt32>, positionsStarts: UnsafeBufferPointer<UInt32>?,
                         into out: inout ByteWriter) {
        let df = docs.count
        let blockCount = PostingsFormat.blockCount(df: df)
        blocks.bytes.removeAll(keepingCapacity: true)
        skips.bytes.removeAll(keepingCapacity: true)
        var previous: Int64 = -1
        var start = 0
        while start < df {
            let n = min(PostingsFormat.blockSize, df - start)
            var gapBits: UInt32 = 0
            var tfBits: UInt32 = 0
            var maxTF: UInt32 = 0
            var minLength = UInt32.max
            for i in 0..<n {
                let doc = docs[start + i]
                let gap = UInt32(Int64(doc) - previous - 1)
                previous = Int64(doc)
                gaps[i] = gap
                gapBits |= gap
                let tf = tfs[start + i]
                tfsMinusOne[i] = tf - 1
                tfBits |= tf - 1
                maxTF = max(maxTF, tf)
                minLength = min(minLength, lengths[Int(doc)])
            }
            let gapWidth = BitPacking.width(of: gapBits)
            let tfWidth = BitPacking.width(of: tfBits)
            blocks.u8(UInt8(gapWidth))
            blocks.u8(UInt8(tfWidth))
            gaps.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, count: n, width: gapWidth, into: &blocks) }
            tfsMinusOne.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, count: n, width: tfWidth, into: &blocks) }
            if blockCount > 1 {
                skips.u32(docs[start + n - 1])
                skips.u32(UInt32(blocks.count))
                skips.u32(positionsStarts?[start / PostingsFormat.blockSize] ?? 0)
                skips.u32(maxTF)
                skips.u32(minLength)
            }
            start += n
        }
        out.append(skips.bytes)
        out.append(blocks.bytes)
    }
}

/// Writes text lists' positions in the `PositionsFormat` layout, one gap at a time.
///
/// The caller appends each document's gaps (the first from 0) in list order, ends every postings block with
/// `endBlock()` and moves the encoded bytes out with `take`. Memory: one chunk of 128 values and the bytes
/// not yet taken, whatever a list's size. O(values) per list, plus a few passes per chunk to pick `k`.
struct PositionsEncoder {
    private var values = [UInt32](repeating: 0, count: PositionsFormat.chunkSize)
    private var pending = 0
    private var output = ByteWriter()
    /// Bytes encoded since `beginList()`, taken or not: where the next block begins, relative to the list.
    private(set) var listBytes = 0

    /// Starts a new list; the previous one must have ended its last block.
    mutating func beginList() {
        precondition(pending == 0, "a block was not ended")
        listBytes = 0
    }

    /// Appends the next value: a document's first position, or the gap from the document's previous position.
    @inline(__always) mutating func append(_ gap: UInt32) {
        values[pending] = gap
        pending += 1
        if pending == PositionsFormat.chunkSize { encodePending() }
    }

    /// Ends a postings block: its last chunk is written, and the next value begins a new block.
    mutating func endBlock() {
        if pending > 0 { encodePending() }
    }

    /// Hands the bytes encoded since the last call to `body` and forgets them.
    mutating func take(_ body: (UnsafeRawBufferPointer) -> Void) {
        output.bytes.withUnsafeBytes(body)
        output.bytes.removeAll(keepingCapacity: true)
    }

    private mutating func encodePending() {
        let before = output.count
        let n = pending
        if n < PositionsFormat.riceMinimum {
            for i in 0..<n { output.varint(UInt64(values[i])) }
        } else {
            let lengthAt = output.count
            if n == PositionsFormat.chunkSize { output.u16(0) }
            values.withUnsafeBufferPointer { v in
                let k = RiceCoding.parameter(v.baseAddress!, count: n)
                output.u8(UInt8(k))
                RiceCoding.encode(v.baseAddress!, count: n, k: k, into: &output)
            }
            if n == PositionsFormat.chunkSize {
                // At most 1 + 128·33 / 8 bytes: the chosen k is never worse than k = 32 (no quotient bits).
                let bytes = output.count - lengthAt - 2
                output.bytes[lengthAt] = UInt8(truncatingIfNeeded: bytes)
                output.bytes[lengthAt + 1] = UInt8(truncatingIfNeeded: bytes >> 8)
            }
        }
        listBytes += output.count - before
        pending = 0
    }
}

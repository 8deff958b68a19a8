/// Fixed-width bit packing of UInt32 values, least significant bit first, pure functions on raw buffers.
///
/// `n` values of width `w` (0…32) take `(n·w + 7) / 8` bytes. Decoding loads 8 bytes at a time, so the
/// reader must guarantee 8 readable bytes past the packed data (`paddingBytes`); the index file keeps them.
enum BitPacking {
    /// Bytes a reader may touch past the end of packed data.
    static let paddingBytes = 8

    /// The number of bits needed for `v` (0 for 0).
    @inline(__always) static func width(of v: UInt32) -> Int { v == 0 ? 0 : 32 - v.leadingZeroBitCount }

    /// Bytes used by `n` values of width `w`.
    @inline(__always) static func byteCount(count n: Int, width w: Int) -> Int { (n * w + 7) / 8 }

    /// Appends `values[0..<n]` packed at width `w` to `out`; every value must fit in `w` bits.
    static func pack(_ values: UnsafePointer<UInt32>, count n: Int, width w: Int, into out: inout ByteWriter) {
        guard w > 0 else { return }
        var acc: UInt64 = 0
        var bits = 0
        for i in 0..<n {
            acc |= UInt64(values[i]) << UInt64(bits)
            bits += w
            while bits >= 8 {
                out.u8(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.u8(UInt8(truncatingIfNeeded: acc)) }
    }

    /// Decodes `n` values of width `w` starting at byte `offset` of `buffer` into `out`.
    /// Precondition (checked by the caller once per block): `offset + byteCount(n, w) + paddingBytes <= buffer.count`.
    @inline(__always)
    static func unpack(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int, width w: Int,
                       into out: UnsafeMutablePointer<UInt32>) {
        if w == 0 {
            out.update(repeating: 0, count: n)
            return
        }
        let mask: UInt64 = (1 << UInt64(w)) - 1
        var bit = 0
        for i in 0..<n {
            let word = buffer.u64Unchecked(at: offset + (bit >> 3))
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += w
        }
    }
}

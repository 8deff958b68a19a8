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

    /// Decodes `n` values of width `w` starting at byte `offset` of `buffer` into `out`, each plus `addend`
    /// (wrapping). Precondition (checked by the caller once per block):
    /// `offset + byteCount(n, w) + paddingBytes <= buffer.count`.
    ///
    /// Each width has its own copy of the loop (`unpackGroups` with a literal width), so the shifts and byte
    /// offsets of a group of 8 values are constants: a load, a shift, a mask and a store per value.
    static func unpack(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int, width w: Int,
                       adding addend: UInt32 = 0, into out: UnsafeMutablePointer<UInt32>) {
        var sink = Values(out: out, addend: addend)
        unpack(buffer, at: offset, count: n, width: w, into: &sink)
    }

    /// Decodes `n` gaps of width `w` (as `unpack`) into the ascending values they lead to: value i is
    /// `previous` + (gap 0 + 1) + … + (gap i + 1), a gap counting the values skipped between two, stored
    /// truncated to 32 bits. Returns the last value untruncated (`previous` when `n` is 0), for the caller to
    /// check against its bound: 128 gaps below 2^32 cannot overflow it.
    static func unpackGaps(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int, width w: Int,
                           after previous: Int64, into out: UnsafeMutablePointer<UInt32>) -> Int64 {
        var sink = RunningSum(out: out, sum: previous)
        unpack(buffer, at: offset, count: n, width: w, into: &sink)
        return sink.sum
    }

    /// The mask of a value of width `w` (0…32).
    @inline(__always) static func mask(width w: Int) -> UInt64 { (1 << UInt64(w)) &- 1 }

    /// Value `i` of the values packed at width `w` (whose `mask`, given) from byte `offset`, alone: one load,
    /// a shift and a mask. Precondition: `offset + byteCount(i + 1, w) + paddingBytes <= buffer.count`.
    @inline(__always) static func value(_ buffer: UnsafeRawBufferPointer, at offset: Int, index i: Int, width w: Int,
                                        mask: UInt64) -> UInt32 {
        let bit = i &* w
        let word = buffer.u64Unchecked(at: offset &+ (bit >> 3))
        return UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
    }

    /// Where decoded values go, one at a time in order; each sink gets its own specialized copy of the loops.
    private protocol Sink {
        mutating func put(_ i: Int, _ value: UInt32)
    }

    /// Stores each value plus the addend.
    private struct Values: Sink {
        let out: UnsafeMutablePointer<UInt32>
        let addend: UInt32
        @inline(__always) mutating func put(_ i: Int, _ value: UInt32) { out[i] = value &+ addend }
    }

    /// Stores the running sum of the gaps, each plus one.
    private struct RunningSum: Sink {
        let out: UnsafeMutablePointer<UInt32>
        var sum: Int64
        @inline(__always) mutating func put(_ i: Int, _ value: UInt32) {
            sum += Int64(value) + 1
            out[i] = UInt32(truncatingIfNeeded: sum)
        }
    }

    /// The width's own copy of the loop: `unpackGroups` with a literal width.
    private static func unpack<S: Sink>(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int, width w: Int,
                                        into out: inout S) {
        switch w {
        case 0: for i in 0..<n { out.put(i, 0) }
        case 1: unpackGroups(buffer, at: offset, count: n, width: 1, into: &out)
        case 2: unpackGroups(buffer, at: offset, count: n, width: 2, into: &out)
        case 3: unpackGroups(buffer, at: offset, count: n, width: 3, into: &out)
        case 4: unpackGroups(buffer, at: offset, count: n, width: 4, into: &out)
        case 5: unpackGroups(buffer, at: offset, count: n, width: 5, into: &out)
        case 6: unpackGroups(buffer, at: offset, count: n, width: 6, into: &out)
        case 7: unpackGroups(buffer, at: offset, count: n, width: 7, into: &out)
        case 8: unpackGroups(buffer, at: offset, count: n, width: 8, into: &out)
        case 9: unpackGroups(buffer, at: offset, count: n, width: 9, into: &out)
        case 10: unpackGroups(buffer, at: offset, count: n, width: 10, into: &out)
        case 11: unpackGroups(buffer, at: offset, count: n, width: 11, into: &out)
        case 12: unpackGroups(buffer, at: offset, count: n, width: 12, into: &out)
        case 13: unpackGroups(buffer, at: offset, count: n, width: 13, into: &out)
        case 14: unpackGroups(buffer, at: offset, count: n, width: 14, into: &out)
        case 15: unpackGroups(buffer, at: offset, count: n, width: 15, into: &out)
        case 16: unpackGroups(buffer, at: offset, count: n, width: 16, into: &out)
        case 17: unpackGroups(buffer, at: offset, count: n, width: 17, into: &out)
        case 18: unpackGroups(buffer, at: offset, count: n, width: 18, into: &out)
        case 19: unpackGroups(buffer, at: offset, count: n, width: 19, into: &out)
        case 20: unpackGroups(buffer, at: offset, count: n, width: 20, into: &out)
        case 21: unpackGroups(buffer, at: offset, count: n, width: 21, into: &out)
        case 22: unpackGroups(buffer, at: offset, count: n, width: 22, into: &out)
        case 23: unpackGroups(buffer, at: offset, count: n, width: 23, into: &out)
        case 24: unpackGroups(buffer, at: offset, count: n, width: 24, into: &out)
        case 25: unpackGroups(buffer, at: offset, count: n, width: 25, into: &out)
        case 26: unpackGroups(buffer, at: offset, count: n, width: 26, into: &out)
        case 27: unpackGroups(buffer, at: offset, count: n, width: 27, into: &out)
        case 28: unpackGroups(buffer, at: offset, count: n, width: 28, into: &out)
        case 29: unpackGroups(buffer, at: offset, count: n, width: 29, into: &out)
        case 30: unpackGroups(buffer, at: offset, count: n, width: 30, into: &out)
        case 31: unpackGroups(buffer, at: offset, count: n, width: 31, into: &out)
        case 32: unpackGroups(buffer, at: offset, count: n, width: 32, into: &out)
        default: preconditionFailure("bit width \(w) over 32")
        }
    }

    /// Groups of 8 values take exactly `w` bytes; the tail of fewer than 8 is decoded value by value.
    @inline(__always)
    private static func unpackGroups<S: Sink>(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int,
                                              width w: Int, into out: inout S) {
        // `mask(width:)` written out: called here, it stopped the per-width copies from inlining (+9 %
        // instructions in callgrind).
        let mask: UInt64 = (1 << UInt64(w)) - 1
        var i = 0
        var byte = offset
        while i + 8 <= n {
            for j in 0..<8 {
                let word = buffer.u64Unchecked(at: byte + (j * w) >> 3)
                out.put(i + j, UInt32(truncatingIfNeeded: (word >> UInt64((j * w) & 7)) & mask))
            }
            i += 8
            byte += w
        }
        var bit = 0
        while i < n {
            let word = buffer.u64Unchecked(at: byte + (bit >> 3))
            out.put(i, UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask))
            bit += w
            i += 1
        }
    }
}

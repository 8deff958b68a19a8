/// Golomb–Rice codes of UInt32 values with one parameter `k` (0…32) per group, pure functions on raw buffers.
///
/// ```
/// RiceCode --> zero bits ^ (value >> k), one bit, low k bits of value      (least significant bit first)
/// ```
/// Bits fill bytes from the least significant bit, codes one after the other; the group ends at the next byte
/// boundary. Rice codes suit geometric gaps (a term's positions in a document are nearly that): a value of
/// width w costs about `w − k + 1 + k` bits where fixed-width packing pays the group's widest value for every
/// one. Decoding loads 8 bytes at a time, so readers keep `BitPacking.paddingBytes` after the data.
enum RiceCoding {
    /// The `k` that makes `values[0..<n]` smallest: the code length `n·(k + 1) + Σ(v >> k)` is convex in k
    /// (each step up saves `Σ⌈(v >> k) / 2⌉`, which shrinks with k), so walking down from the mean's width stops
    /// at the minimum. Ties take the smaller k. O(n) per step, a few steps.
    static func parameter(_ values: UnsafePointer<UInt32>, count n: Int) -> Int {
        var sum: UInt64 = 0
        for i in 0..<n { sum += UInt64(values[i]) }
        func bits(_ k: Int) -> UInt64 {
            var total = UInt64(n) * UInt64(k + 1)
            for i in 0..<n { total += UInt64(values[i] >> UInt32(k)) }
            return total
        }
        var k = min(32, BitPacking.width(of: UInt32(clamping: sum / UInt64(max(n, 1)))))
        var cost = bits(k)
        while k > 0 {
            let lower = bits(k - 1)
            guard lower <= cost else { break }
            k -= 1
            cost = lower
        }
        while k < 32 {
            let higher = bits(k + 1)
            guard higher < cost else { break }
            k += 1
            cost = higher
        }
        return k
    }

    /// Appends the codes of `values[0..<n]` with parameter `k`, padded to a whole byte.
    static func encode(_ values: UnsafePointer<UInt32>, count n: Int, k: Int, into out: inout ByteWriter) {
        var acc: UInt64 = 0
        var bits = 0
        @inline(__always) func put(_ v: UInt64, _ width: Int) {
            // width ≤ 32 and bits < 8 before the call, so acc never overflows.
            acc |= v << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.u8(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                bits -= 8
            }
        }
        let mask: UInt64 = (1 << UInt64(k)) - 1
        for i in 0..<n {
            var q = Int(values[i] >> UInt32(truncatingIfNeeded: k))   // a smart shift: 0 when k is 32
            while q >= 31 {
                put(0, 31)
                q -= 31
            }
            put(1 << UInt64(q), q + 1)
            if k > 0 { put(UInt64(values[i]) & mask, k) }
        }
        if bits > 0 { out.u8(UInt8(truncatingIfNeeded: acc)) }
    }

    /// Decodes `n` values coded with parameter `k` from byte `offset` of `buffer` into `out`; returns the offset
    /// of the byte after the group, or nil when `k > 32`, a code runs past `buffer.count − paddingBytes` or a
    /// value does not fit in 32 bits. Time is linear in the bytes read, so damaged data cannot make it hang.
    @inline(__always)
    static func decode(_ buffer: UnsafeRawBufferPointer, at offset: Int, count n: Int, k: Int,
                       into out: UnsafeMutablePointer<UInt32>) -> Int? {
        guard k <= 32, offset >= 0 else { return nil }
        let lastLoad = buffer.count - BitPacking.paddingBytes
        // Quotients at or past this bound would make a value of more than 32 bits.
        let quotientLimit = k == 32 ? 1 : 1 << (32 - k)
        let mask: UInt64 = (1 << UInt64(k)) - 1
        var bit = offset << 3
        for i in 0..<n {
            var q = 0
            guard bit >> 3 <= lastLoad else { return nil }
            var word = buffer.u64Unchecked(at: bit >> 3) >> UInt64(bit & 7)
            // A word of zeros (at least 57 bits once shifted): the quotient goes on past it.
            while word == 0 {
                let step = 64 - (bit & 7)
                q += step
                bit += step
                guard q < quotientLimit, bit >> 3 <= lastLoad else { return nil }
                word = buffer.u64Unchecked(at: bit >> 3) >> UInt64(bit & 7)
            }
            let zeros = word.trailingZeroBitCount
            q += zeros
            guard q < quotientLimit else { return nil }
            var low: UInt64 = 0
            if k > 0 {
                if (bit & 7) + zeros + 1 + k <= 64 {
                    // The low bits are in the word already loaded.
                    low = (word >> UInt64(zeros + 1)) & mask
                } else {
                    let at = bit + zeros + 1
                    guard at >> 3 <= lastLoad else { return nil }
                    low = (buffer.u64Unchecked(at: at >> 3) >> UInt64(at & 7)) & mask
                }
            }
            bit += zeros + 1 + k
            out[i] = UInt32(truncatingIfNeeded: UInt64(q) << UInt64(k) | low)
        }
        return (bit + 7) >> 3
    }
}

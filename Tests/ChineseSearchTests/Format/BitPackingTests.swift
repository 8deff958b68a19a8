import XCTest
@testable import ChineseSearch

/// `BitPacking` against a bit-by-bit reference: every width 0…32 and every count 0…128.
final class BitPackingTests: XCTestCase {
    /// The layout by its definition: bit `i` of value `j` is bit `j·w + i` of the stream, least significant first.
    private func referencePack(_ values: [UInt32], width w: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (values.count * w + 7) / 8)
        for (j, v) in values.enumerated() {
            for i in 0..<w where (v >> UInt32(i)) & 1 == 1 {
                let bit = j * w + i
                out[bit / 8] |= UInt8(1 << (bit % 8))
            }
        }
        return out
    }

    private func randomValues(_ random: inout RandomText, count: Int, width w: Int) -> [UInt32] {
        (0..<count).map { _ in
            w == 0 ? 0 : UInt32(truncatingIfNeeded: random.next()) & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(w)) - 1)
        }
    }

    func testPackMatchesTheBitLayoutAndUnpackRestoresEveryWidthAndCount() {
        var random = RandomText(seed: 0xB17)
        for w in 0...32 {
            for n in 0...128 {
                var values = randomValues(&random, count: n, width: w)
                // Make sure the widest value of the width occurs, so a mask one bit short is caught.
                if n > 0 && w > 0 { values[random.below(n)] = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(w)) - 1) }
                var writer = ByteWriter()
                (values + [0]).withUnsafeBufferPointer { p in  // one spare element: never an empty buffer
                    BitPacking.pack(p.baseAddress!, count: n, width: w, into: &writer)
                }
                let expected = referencePack(values, width: w)
                XCTAssertEqual(writer.bytes, expected, "width \(w), count \(n)")
                XCTAssertEqual(BitPacking.byteCount(count: n, width: w), expected.count, "width \(w), count \(n)")
                if writer.bytes != expected { return }

                // Decode at an odd offset with garbage around it, as in the mapped file.
                let prefix = [UInt8](repeating: 0xA5, count: 3)
                let buffer = prefix + writer.bytes + [UInt8](repeating: 0xFF, count: BitPacking.paddingBytes)
                var decoded = [UInt32](repeating: 0xDEAD_BEEF, count: max(n, 1))
                buffer.withUnsafeBytes { raw in
                    decoded.withUnsafeMutableBufferPointer { out in
                        BitPacking.unpack(raw, at: prefix.count, count: n, width: w, into: out.baseAddress!)
                    }
                }
                XCTAssertEqual(Array(decoded.prefix(n)), values, "width \(w), count \(n)")

                // The other readings of the same bytes: each value alone, values plus an addend (wrapping), and
                // gaps summed into ascending values after a previous one.
                let addend = UInt32(truncatingIfNeeded: random.next())
                let previous = Int64(random.below(1_000)) - 1
                var expectedSums: [UInt32] = []
                var sum = previous
                for v in values {
                    sum += Int64(v) + 1
                    expectedSums.append(UInt32(truncatingIfNeeded: sum))
                }
                var alone: [UInt32] = []
                var plus = [UInt32](repeating: 0, count: max(n, 1))
                var sums = [UInt32](repeating: 0, count: max(n, 1))
                var last: Int64 = 0
                buffer.withUnsafeBytes { raw in
                    alone = (0..<n).map { BitPacking.value(raw, at: prefix.count, index: $0, width: w, mask: BitPacking.mask(width: w)) }
                    plus.withUnsafeMutableBufferPointer { out in
                        BitPacking.unpack(raw, at: prefix.count, count: n, width: w, adding: addend, into: out.baseAddress!)
                    }
                    sums.withUnsafeMutableBufferPointer { out in
                        last = BitPacking.unpackGaps(raw, at: prefix.count, count: n, width: w, after: previous, into: out.baseAddress!)
                    }
                }
                XCTAssertEqual(alone, values, "width \(w), count \(n)")
                XCTAssertEqual(Array(plus.prefix(n)), values.map { $0 &+ addend }, "width \(w), count \(n)")
                XCTAssertEqual(Array(sums.prefix(n)), expectedSums, "width \(w), count \(n)")
                XCTAssertEqual(last, sum, "width \(w), count \(n)")
            }
        }
    }

    func testWidthIsTheNumberOfSignificantBits() {
        XCTAssertEqual(BitPacking.width(of: 0), 0)
        for w in 1...32 {
            let low = UInt32(truncatingIfNeeded: UInt64(1) << UInt64(w - 1))
            let high = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(w)) - 1)
            XCTAssertEqual(BitPacking.width(of: low), w)
            XCTAssertEqual(BitPacking.width(of: high), w)
        }
    }
}

import XCTest
@testable import ChineseSearch

/// `RiceCoding` against a bit-by-bit reference: every parameter 0…32, counts around the chunk edges, quotients
/// that cross 64-bit words, and damaged codes that must fail without reading out of bounds.
final class RiceCodingTests: XCTestCase {
    /// The layout by its definition: per value `q = v >> k` zero bits, a one bit, then the low k bits, least
    /// significant first, bits filling bytes from their least significant bit; the last byte padded with zeros.
    private func referenceEncode(_ codes: [(q: Int, low: UInt64)], k: Int) -> [UInt8] {
        var bits: [Bool] = []
        for (q, low) in codes {
            bits += [Bool](repeating: false, count: q)
            bits.append(true)
            for i in 0..<k { bits.append((low >> UInt64(i)) & 1 == 1) }
        }
        var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, bit) in bits.enumerated() where bit { out[i / 8] |= UInt8(1 << (i % 8)) }
        return out
    }

    private func codes(of values: [UInt32], k: Int) -> [(q: Int, low: UInt64)] {
        values.map { v in (k == 32 ? 0 : Int(v >> UInt32(k)), UInt64(v) & ((1 << UInt64(k)) - 1)) }
    }

    private func encode(_ values: [UInt32], k: Int) -> [UInt8] {
        var writer = ByteWriter()
        (values + [0]).withUnsafeBufferPointer { RiceCoding.encode($0.baseAddress!, count: values.count, k: k, into: &writer) }
        return writer.bytes
    }

    /// Decodes `n` values from `bytes` placed at an odd offset with garbage before it and `after` bytes after it.
    private func decode(_ bytes: [UInt8], count n: Int, k: Int, after: [UInt8]) -> (values: [UInt32], end: Int)? {
        let prefix = [UInt8](repeating: 0xA5, count: 3)
        let buffer = prefix + bytes + after
        var out = [UInt32](repeating: 0xDEAD_BEEF, count: max(n, 1))
        let end = buffer.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { RiceCoding.decode(raw, at: prefix.count, count: n, k: k, into: $0.baseAddress!) }
        }
        return end.map { (Array(out.prefix(n)), $0 - prefix.count) }
    }

    private static let padding = [UInt8](repeating: 0xFF, count: BitPacking.paddingBytes)

    func testEncodeMatchesTheBitLayoutAndDecodeRestoresEveryParameterAndCount() throws {
        var random = RandomText(seed: 0x51CE)
        for k in 0...32 {
            for n in [0, 1, 2, 3, 4, 5, 31, 63, 64, 65, 127, 128] {
                // Quotients mostly small, some past a 64-bit word (the decoder's long-run path); values < 2^32.
                let values: [UInt32] = (0..<n).map { _ in
                    let low = UInt64(truncatingIfNeeded: random.next()) & ((1 << UInt64(k)) - 1)
                    let q = UInt64(random.below(8) == 0 ? random.below(150) : random.below(4))
                    let limit = k == 32 ? 0 : (UInt64(1) << UInt64(32 - k)) - 1
                    return UInt32(min(q, limit) << UInt64(k) | low)
                }
                let bytes = encode(values, k: k)
                XCTAssertEqual(bytes, referenceEncode(codes(of: values, k: k), k: k), "k \(k), count \(n)")
                let decoded = try XCTUnwrap(decode(bytes, count: n, k: k, after: Self.padding), "k \(k), count \(n)")
                XCTAssertEqual(decoded.values, values, "k \(k), count \(n)")
                XCTAssertEqual(decoded.end, bytes.count, "k \(k), count \(n): the end offset")
            }
        }
    }

    func testExtremeValuesRoundTrip() throws {
        let values: [UInt32] = [0, .max, 1, .max - 1, 1 << 31, 0, .max]
        for k in [26, 27, 31, 32] {
            let bytes = encode(values, k: k)
            XCTAssertEqual(bytes, referenceEncode(codes(of: values, k: k), k: k), "k \(k)")
            XCTAssertEqual(try XCTUnwrap(decode(bytes, count: values.count, k: k, after: Self.padding)).values, values)
        }
    }

    /// The chosen k gives the smallest code length `n·(k + 1) + Σ(v >> k)`, and the smallest such k.
    func testParameterGivesTheShortestCodes() {
        var random = RandomText(seed: 0x9A7)
        func length(_ values: [UInt32], _ k: Int) -> Int {
            values.reduce(values.count * (k + 1)) { $0 + (k == 32 ? 0 : Int($1 >> UInt32(k))) }
        }
        let shapes: [(Int) -> UInt32] = [
            { _ in 0 },
            { _ in UInt32.max },
            { i in i == 0 ? UInt32.max : 0 },
            { _ in UInt32(random.below(20)) },
            { _ in UInt32(random.below(3000)) },
            { _ in UInt32(truncatingIfNeeded: random.next()) },
            { _ in random.below(10) == 0 ? UInt32(random.below(1 << 20)) : UInt32(random.below(50)) },
        ]
        for (s, shape) in shapes.enumerated() {
            for n in [1, 2, 4, 17, 128] {
                let values = (0..<n).map(shape)
                let k = values.withUnsafeBufferPointer { RiceCoding.parameter($0.baseAddress!, count: n) }
                let best = (0...32).map { length(values, $0) }.min()!
                XCTAssertEqual(length(values, k), best, "shape \(s), count \(n)")
                XCTAssertEqual((0...32).first { length(values, $0) == best }, k, "shape \(s), count \(n): ties take the smaller k")
            }
        }
    }

    func testDamagedCodesFailWithoutReadingPastTheBuffer() {
        let values: [UInt32] = [5, 900, 3, 70_000, 12]
        let bytes = encode(values, k: 8)
        XCTAssertNotNil(decode(bytes, count: values.count, k: 8, after: Self.padding))
        // A parameter above 32.
        for k in [33, 64, 255] { XCTAssertNil(decode(bytes, count: values.count, k: k, after: Self.padding), "k \(k)") }
        // Codes without the padding the decoder's 8-byte loads need, and codes cut short.
        XCTAssertNil(decode(bytes, count: values.count, k: 8, after: []))
        for cut in 0..<bytes.count {
            XCTAssertNil(decode(Array(bytes.prefix(cut)), count: values.count, k: 8, after: []), "cut to \(cut) bytes")
        }
        // More values than the bytes hold: the zero padding reads as one endless quotient, ending at the buffer.
        XCTAssertNil(decode(bytes, count: values.count + 1, k: 8, after: [UInt8](repeating: 0, count: 8)))
        // Zeros only: a quotient that runs to the end of a large buffer fails in time linear in its bytes.
        XCTAssertNil(decode([UInt8](repeating: 0, count: 1 << 20), count: 1, k: 0, after: [UInt8](repeating: 0, count: 8)))
        // A value of more than 32 bits: k = 20 with quotient 2^12 (2^12 − 1 is the largest that fits).
        let fits = referenceEncode([(4095, 0xFFFFF)], k: 20)
        XCTAssertEqual(decode(fits, count: 1, k: 20, after: Self.padding)?.values, [UInt32.max])
        XCTAssertNil(decode(referenceEncode([(4096, 0)], k: 20), count: 1, k: 20, after: Self.padding))
        // k = 32 admits no quotient at all.
        XCTAssertNil(decode(referenceEncode([(1, 0)], k: 32), count: 1, k: 32, after: Self.padding))
    }
}

import XCTest
@testable import ChineseSearch

/// The compiled tables against their own content: every entry carries the class of the scalar it names (as the
/// class ranges give it), the ASCII folds agree with the entries, the units round-trip, and known folds hold.
final class FoldingTableTests: XCTestCase {
    /// The entries a scalar folds to: one, or those of its sequence.
    static func entries(of value: UInt32) -> [UInt32] {
        let entry = FoldingTable.entry(of: value)
        guard entry & FoldingTable.sequenceFlag != 0 else { return [entry] }
        return FoldingTable.sequenceRange(entry).map(FoldingTable.sequenceEntry)
    }

    /// Class and composing bits of every scalar (in entry position) from the class ranges, by a linear walk.
    private func classBitsOfEveryScalar() -> [UInt32] {
        let ranges = TableUnits(FoldingTable.classRangeUnits)
        var bits = [UInt32](repeating: 0, count: 0x11_0000)
        for k in 0..<ranges.count / 2 {
            let end = k + 1 < ranges.count / 2 ? Int(ranges[2 * k + 2]) : bits.count
            for value in Int(ranges[2 * k])..<end { bits[value] = ranges[2 * k + 1] << FoldingTable.classShift }
        }
        return bits
    }

    func testEveryEntryCarriesTheClassOfTheScalarItNames() {
        let bits = classBitsOfEveryScalar()
        let classAndComposing = FoldingTable.kindMask & ~FoldingTable.sequenceFlag
        var folded = 0
        for value in UInt32(0)...0x10FFFF where Unicode.Scalar(value) != nil {
            let entries = Self.entries(of: value)
            if entries.count > 1 || entries[0] & FoldingTable.scalarMask != value { folded += 1 }
            for entry in entries {
                let scalar = entry & FoldingTable.scalarMask
                XCTAssertEqual(entry, scalar | bits[Int(scalar)], "entry of U+\(String(value, radix: 16))")
                XCTAssertEqual(entry & ~FoldingTable.scalarMask & ~classAndComposing, 0)
            }
        }
        XCTAssertEqual(folded, 9_441)
    }

    func testTheASCIIFoldsAgreeWithTheEntries() {
        for byte in 0..<256 {
            let fold = FoldingTable.asciiFolds[byte]
            guard byte < 0x80 else {
                XCTAssertEqual(fold, 0x7F)
                continue
            }
            let entry = FoldingTable.entry(of: UInt32(byte))
            let isWord = entry & FoldingTable.kindMask == ScalarClass.word.entryBits
            XCTAssertEqual(UInt32(fold), isWord ? entry & FoldingTable.scalarMask : 0, "byte \(byte)")
        }
        XCTAssertEqual(FoldingTable.asciiFolds[Int(UInt8(ascii: "Q"))], UInt8(ascii: "q"))
        XCTAssertEqual(FoldingTable.asciiFolds[Int(UInt8(ascii: "7"))], UInt8(ascii: "7"))
        XCTAssertEqual(FoldingTable.asciiFolds[Int(UInt8(ascii: "-"))], 0)
    }

    func testUnitsRoundTripAndAreSevenBitBytes() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt32] = [0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0xFFF_FFFF]
            + (0..<1000).map { _ in UInt32.random(in: 0..<1 << 28, using: &generator) }
        for value in values {
            let stored = TableUnits.stored(value)
            XCTAssertEqual(TableUnits.value(stored: stored), value)
            XCTAssertEqual(stored & 0x8080_8080, 0, "a byte of 0x\(String(value, radix: 16)) has its high bit set")
        }
        for literal in [FoldingTable.bmpUnits, FoldingTable.sequenceUnits, FoldingTable.supplementaryUnits,
                        FoldingTable.classRangeUnits, FoldingTable.kanaCompositionUnits] {
            XCTAssertEqual(literal.utf8CodeUnitCount % 4, 0)
        }
        XCTAssertEqual(TableUnits(FoldingTable.bmpUnits).count, 0x1_0000)
        XCTAssertEqual(FoldingTable.asciiFoldBytes.utf8CodeUnitCount, 256)
    }

    func testThePlainCJKUnitIsStoredForCJKScalarsThatFoldToThemselves() {
        let bmp = FoldingTable.bmp
        for value: UInt32 in [0x4E2D, 0x56FD, 0x3005, 0x3007, 0x304B, 0xAC00] {   // 中 国 々 〇 か 가
            XCTAssertEqual(bmp.stored(at: Int(value)), FoldingTable.plainCJKUnit, "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x570B, 0x61, 0x41, 0x3099, 0xFF21] {   // 國 a A ◌゙ Ａ
            XCTAssertNotEqual(bmp.stored(at: Int(value)), FoldingTable.plainCJKUnit, "U+\(String(value, radix: 16))")
        }
    }

    func testKnownFoldsAndCompositions() {
        func folded(_ value: UInt32) -> [UInt32] { Self.entries(of: value).map { $0 & FoldingTable.scalarMask } }
        XCTAssertEqual(folded(0x570B), [0x56FD])                 // 國 → 国
        XCTAssertEqual(folded(0xFF21), [0x61])                   // Ａ → a
        XCTAssertEqual(folded(0x3220), [0x28, 0x4E00, 0x29])     // ㈠ → ( 一 )
        XCTAssertEqual(folded(0xFB01), [0x66, 0x69])             // ﬁ → f i
        XCTAssertEqual(folded(0x2F800), [0x4E3D])                // 丽 (compatibility supplement) → 丽
        XCTAssertEqual(folded(0x20000), [0x20000])               // 𠀀 stays
        XCTAssertEqual(FoldingTable.entry(of: 0x20000) & FoldingTable.kindMask, ScalarClass.cjk.entryBits)
        XCTAssertEqual(FoldingTable.entry(of: 0x1F600) & FoldingTable.kindMask, ScalarClass.separator.entryBits)   // 😀
        XCTAssertEqual(FoldingTable.compose(0x304B, 0x3099), 0x304C)   // か + ゙ → が
        XCTAssertEqual(FoldingTable.compose(0x30DB, 0x309A), 0x30DD)   // ホ + ゚ → ポ
        XCTAssertNil(FoldingTable.compose(0x3042, 0x3099))             // あ + ゙: nothing
        XCTAssertEqual(FoldingTable.compose(0xAC00, 0x11A8), 0xAC01)   // 가 + ᆨ → 각
    }
}

import XCTest
@testable import ChineseSearch

final class UTF8HandlingTests: XCTestCase {
    func testInvalidUTF8IsReplacedAndFlagged() {
        let bytes = Array("---\ntitle: 'a".utf8) + [0xFF] + Array("b'\n---\n<p>小".utf8) + [0xE7, 0xB1] + Array("米</p>".utf8)
        let parsed = parse(bytes: bytes)
        XCTAssertTrue(parsed.invalidUTF8)
        XCTAssertEqual(parsed.document.title, "a\u{FFFD}b")
        XCTAssertEqual(parsed.document.body, "小\u{FFFD}米")
    }

    func testValidUTF8IsNotFlagged() {
        XCTAssertFalse(parse("<p>小米 😀 é</p>").invalidUTF8)
    }

    func testInvalidBytesSplitByATagAreNotJoinedIntoACharacter() {
        // E5 8F and A3 would form 口 if the tag between them were removed first.
        let parsed = parse(bytes: [0xE5, 0x8F] + Array("<b>".utf8) + [0xA3])
        XCTAssertTrue(parsed.invalidUTF8)
        XCTAssertFalse(parsed.document.body.contains("口"))
    }

    func testValidatorAgreesWithStandardLibrary() {
        // Every 1- and 2-byte sequence, and 3- and 4-byte sequences around the edges of the valid ranges.
        var samples: [[UInt8]] = []
        for a in 0...255 {
            samples.append([UInt8(a)])
            for b in 0...255 { samples.append([UInt8(a), UInt8(b)]) }
        }
        let leads: [UInt8] = [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5]
        let tails: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]
        for lead in leads {
            for b in tails {
                for c in tails {
                    samples.append([lead, b, c])
                    for d in tails { samples.append([lead, b, c, d]) }
                }
            }
        }
        for sample in samples {
            // Pad with ASCII so the eight-byte fast path runs too.
            let bytes = Array("abcdefgh".utf8) + sample + Array("ijklmnop".utf8)
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBytes { UTF8Validation.isValid($0) }, expected, "\(sample)")
        }
    }
}

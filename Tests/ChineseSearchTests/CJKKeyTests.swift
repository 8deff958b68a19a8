import XCTest
@testable import ChineseSearch

final class CJKKeyTests: XCTestCase {
    func testRunEndSortsBeforeEveryBigramOfTheSameCharacter() {
        let end = CJKKey.make(0x5C0F, 0)          // 小∎
        let bigram = CJKKey.make(0x5C0F, 0x4E00)  // 小一
        XCTAssertLessThan(end, bigram)
        XCTAssertTrue(CJKKey.range(startingWith: 0x5C0F).contains(end))
        XCTAssertTrue(CJKKey.range(startingWith: 0x5C0F).contains(bigram))
        XCTAssertFalse(CJKKey.range(startingWith: 0x5C0F).contains(CJKKey.make(0x5C10, 0)))
        XCTAssertEqual(CJKKey.first(CJKKey.make(0x20000, 0x2FA1F)), 0x20000)
        XCTAssertEqual(CJKKey.second(CJKKey.make(0x20000, 0x2FA1F)), 0x2FA1F)
    }
}

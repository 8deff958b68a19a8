import Dispatch
import Foundation
import XCTest
@testable import ChineseSearch

/// Thousands of randomly damaged index files (flips, bursts, extreme integers, truncations; half of them with
/// every checksum recomputed, so the damage reaches the structure readers) and random queries with random
/// options, all through the public library API held in memory. Each open throws `IndexError` or gives an
/// index whose answers are real documents or typed errors; nothing traps, hangs or allocates without bound.
final class IndexFuzzTests: XCTestCase {
    func testRandomDamagedFilesAndRandomQueriesGiveTypedErrorsOrResults() throws {
        let documents = GeneratedCorpus.documents(seed: 31, count: 160, bodyScale: 6)
        let original = try IndexBuilder.buildInMemory(documents: documents)
        let sections = IndexResealing.sections(original)
        var random = RandomText(seed: 4242)
        let words = ["的", "小米", "汽车 工厂", "\"北汽 工厂\"", "itgc", "香港 OR 国際", "车 -小米", "10", "gen-itgc", "车"]
        let started = Date()
        var opened = 0, answered = 0, files = 0
        while files < 3000 && Date().timeIntervalSince(started) < 40 {
            files += 1
            var bytes = original
            damage(&bytes, sections: sections, random: &random)
            if random.below(2) == 0, bytes.count == original.count { bytes = IndexResealing.resealed(bytes) }
            let index: SearchIndex
            do { index = try SearchIndex(bytes: bytes) } catch { continue }  // typed: IndexError
            opened += 1
            if random.below(4) == 0 { _ = try? index.verify() }
            for _ in 0..<3 {
                var options = SearchOptions()
                options.mode = random.pick(MatchMode.allCases)
                options.top = random.pick([0, 1, 10, 1000, Int.max])
                options.explain = random.below(3) == 0
                options.parallelism = 1 + random.below(2)
                let query = random.below(3) == 0 ? random.string(maxScalars: 12) : random.pick(words)
                do {
                    let results = try index.search(query, options: options)
                    answered += 1
                    XCTAssertLessThanOrEqual(results.hits.count, max(0, index.documentCount))
                    for hit in results.hits {
                        XCTAssertTrue(hit.documentID >= 0 && hit.documentID < index.documentCount)
                    }
                } catch let error as IndexError {
                    _ = error.description
                } catch let error as SearchError {
                    _ = error.description
                } catch let error as QuerySyntaxError {
                    _ = error.description
                } catch {
                    XCTFail("untyped error \(error) for «\(query)»")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(files, 1000, "enough files in the time budget")
        XCTAssertGreaterThan(opened, files / 4, "damage must get past opening often enough to test the readers")
        XCTAssertGreaterThan(answered, 0)
    }

    /// One random kind of damage.
    private func damage(_ bytes: inout [UInt8], sections: [(kind: SectionKind, offset: Int, length: Int)],
                        random: inout RandomText) {
        let target = random.pick(sections)
        let at = target.offset + random.below(max(1, target.length))
        switch random.below(5) {
        case 0:  // one flipped byte anywhere
            bytes[random.below(bytes.count)] ^= UInt8(1 + random.below(255))
        case 1:  // a burst in one section
            for i in at..<min(at + 1 + random.below(16), bytes.count) { bytes[i] = UInt8(random.below(256)) }
        case 2:  // an extreme integer in one section
            let value: UInt64 = random.pick([0, 0x7F, 0xFF, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF, .max])
            let width = random.pick([1, 4, 8])
            if at + width <= bytes.count { IndexResealing.put(&bytes, at, value, width: width) }
        case 3:  // several flips in one section
            for _ in 0..<(2 + random.below(6)) {
                bytes[target.offset + random.below(max(1, target.length))] ^= UInt8(1 << random.below(8))
            }
        default:  // truncation
            bytes.removeLast(1 + random.below(bytes.count - 1))
        }
    }
}

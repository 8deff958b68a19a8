import Foundation
import XCTest
@testable import ChineseSearch

/// `SnippetMaker`, which reads positions, checkpoints and a few kilobytes of stored text, against
/// `ReferenceSnippet`, which tokenizes and scans whole documents: random queries over random documents, some
/// longer than 100 KB, snippets of every document (matching or not), with lone final characters steering the
/// window and not.
final class SnippetReferenceTests: XCTestCase {
    private let indexes = TemporaryIndexes()

    override func tearDown() { indexes.removeAll() }

    /// Pieces the random corpus lacks: composed and decomposed accents, numbers with units, quotes and brackets,
    /// runs of punctuation, line breaks.
    private static let extras = ["café", "cafe\u{301}", "naïve", "2024年", "３月", "“小米”", "《汽车》", "（國際）", "……",
                                 "\n\n", "\t", "——", "e\u{301}\u{301}"]

    private func body(_ corpus: inout RandomCorpus, segments: Int) -> String {
        var text = ""
        var left = segments
        while left > 0 {
            let n = min(left, 1 + corpus.random.below(30))
            text += corpus.text(segments: n)
            if corpus.random.below(3) == 0 { text += corpus.random.pick(Self.extras) }
            left -= n
        }
        return text
    }

    private func documents(seed: UInt64) -> [SourceDocument] {
        var corpus = RandomCorpus(seed: seed)
        return (0..<70).map { i in
            let segments = i % 16 == 0 ? 18_000 + corpus.random.below(6_000) : 2 + corpus.random.below(60)
            let title = corpus.random.below(8) == 0 ? "" : corpus.text(segments: 1 + corpus.random.below(4))
            return SourceDocument(path: "doc\(i).md", title: title, body: body(&corpus, segments: segments))
        }
    }

    func testRandomQueriesGiveTheReferenceSnippetOfEveryDocument() throws {
        let docs = documents(seed: 41)
        XCTAssertGreaterThan(docs.filter { $0.body.utf8.count > 100_000 }.count, 3, "long documents")
        let index = try indexes.build(docs, threads: 2)
        let segment = try XCTUnwrap(index.snapshot.segments.first)
        XCTAssertEqual(index.snapshot.segments.count, 1)
        XCTAssertGreaterThan(segment.reader.tokenCheckpoints.checkpointCount, 100)
        let references = (0..<docs.count).map { d in
            ReferenceSnippet(stored: segment.reader.storedText(d)!, titleBytes: segment.reader.titleByteCount(d))
        }
        var random = RandomCorpus(seed: 42)
        let analyzer = Analyzer()
        var deep = 0
        var compared = 0, highlighted = 0
        let long = docs.filter { $0.body.utf8.count > 100_000 }
        for round in 0..<32 {
            // Every other query holds a phrase from deep inside each long body, so windows lie past many checkpoints.
            var query = random.query(from: docs)
            for document in long where round % 2 == 1 {
                let scalars = Array(document.body.unicodeScalars)
                let at = scalars.count / 4 + random.random.below(scalars.count * 3 / 4 - 12)
                var phrase = String.UnicodeScalarView()
                phrase.append(contentsOf: scalars[at..<(at + 4 + random.random.below(8))].filter { $0 != "\"" })
                query += " OR \"" + String(phrase) + "\""
            }
            guard let parsed = try? QueryParser.parse(query) else { continue }
            guard let analysis = try? QueryAnalysis(parsed, analyzer: analyzer) else { continue }
            let plan = QueryPlan(analysis, segment: segment)
            let terms = plan.clauses.flatMap { $0 }.filter { !$0.impossible }
            let elements = terms.map { $0.tokens.map { plan.tokens[$0].element } }
            let hasPrefix = elements.map { $0.contains { if case .prefix = $0 { return true } else { return false } } }
            // Long documents with the queries reaching deep into them only: the reference scans all their tokens.
            let docsToCompare = (0..<docs.count).filter { round % 2 == 1 || docs[$0].body.utf8.count < 100_000 }
            for limit in [0, Int.max] {
                let maker = SnippetMaker(reader: segment.reader, plan: plan, analyzer: analyzer, prefixListLimit: limit)
                let steers = hasPrefix.map { !$0 || limit == Int.max }
                for d in docsToCompare {
                    let (expected, windowStart) = references[d].snippet(terms: elements, steers: steers)
                    let actual = maker.snippet(for: d)
                    guard actual == expected else {
                        XCTFail("query «\(query)», document \(d), prefix list limit \(limit):\n\(actual)\n\(expected)")
                        return
                    }
                    compared += 1
                    if !actual.highlights.isEmpty { highlighted += 1 }
                    if windowStart > 8192 { deep += 1 }  // a window found through a checkpoint
                }
            }
        }
        XCTAssertGreaterThan(compared, 1500)
        XCTAssertGreaterThan(deep, 40)
        XCTAssertGreaterThan(highlighted, compared / 5)
    }

    /// A maker keeps its cursors from one snippet to the next: asked in any order (back, forth, the same
    /// document twice), it gives what a fresh maker gives each document.
    func testAMakerAskedInAnyOrderGivesWhatAFreshOneGives() throws {
        let docs = documents(seed: 45)
        let index = try indexes.build(docs)
        let segment = try XCTUnwrap(index.snapshot.segments.first)
        var random = RandomCorpus(seed: 46)
        var compared = 0
        for _ in 0..<12 {
            let query = random.query(from: docs)
            guard let parsed = try? QueryParser.parse(query),
                  let analysis = try? QueryAnalysis(parsed, analyzer: Analyzer()) else { continue }
            let plan = QueryPlan(analysis, segment: segment)
            var order = Array(0..<docs.count) + (0..<20).map { _ in random.random.below(docs.count) }
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.random.below(i + 1)) }
            let kept = SnippetMaker(reader: segment.reader, plan: plan, analyzer: Analyzer())
            for d in order {
                let fresh = SnippetMaker(reader: segment.reader, plan: plan, analyzer: Analyzer()).snippet(for: d)
                XCTAssertEqual(kept.snippet(for: d), fresh, "query «\(query)», document \(d)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }

    func testSearchHitsCarryTheReferenceSnippet() throws {
        // Through the public path; the random alphabet gives every character fewer lists than the prefix limit,
        // so lone final characters steer.
        let docs = documents(seed: 43)
        let index = try indexes.build(docs)
        let reader = try XCTUnwrap(index.segmentReaders.first)
        var references: [Int: ReferenceSnippet] = [:]
        var random = RandomCorpus(seed: 44)
        var options = SearchOptions()
        options.top = 1000
        options.mode = .any
        for _ in 0..<20 {
            let query = random.query(from: docs)
            guard let results = try? index.search(query, options: options),
                  let parsed = try? QueryParser.parse(query) else { continue }
            let plan = QueryPlan(try QueryAnalysis(parsed, analyzer: Analyzer()), segment: index.snapshot.segments[0])
            XCTAssertTrue(plan.tokens.allSatisfy { $0.prefixRange.count <= SnippetMaker.defaultPrefixListLimit })
            let elements = plan.clauses.flatMap { $0 }.filter { !$0.impossible }.map { $0.tokens.map { plan.tokens[$0].element } }
            for hit in results.hits {
                let d = hit.documentID
                if references[d] == nil {
                    references[d] = ReferenceSnippet(stored: reader.storedText(d)!, titleBytes: reader.titleByteCount(d))
                }
                let expected = references[d]!.snippet(terms: elements, steers: elements.map { _ in true }).snippet
                XCTAssertEqual(hit.snippet, expected, "query «\(query)», \(hit.path)")
            }
        }
    }

    /// A body of filler (天气晴朗。, no 车 and no 鸦) of about `bytes` bytes.
    private func filler(_ bytes: Int) -> String { String(repeating: "天气晴朗。", count: bytes / 15) }

    func testALoneRareCharacterFarIntoALongBodySteersTheWindow() throws {
        // 鸦 begins one token list (鸦∎): its positions are read, so the window goes to it, 300 KB into the body.
        let body = filler(300_000) + "乌鸦" + filler(3_000)
        let index = try indexes.build([SourceDocument(path: "a.md", title: "鸦", body: body)])
        let s = try XCTUnwrap(try index.search("鸦").hits.first?.snippet)
        XCTAssertTrue(s.text.hasPrefix("… ") && s.text.contains("乌鸦"), s.text)
        XCTAssertEqual(s.highlights.map { String(decoding: Array(s.text.utf8)[$0], as: UTF8.self) }, ["鸦"])
    }

    func testALoneCommonCharacterIsLookedForInTheFirstPartOfTheBodyOnly() throws {
        // 车 begins 70 token lists (车一 … and 车∎), more than the limit: its positions are not read. The body's
        // first 8 KB are, and the window goes to the 车 there; one past them is shown only inside a window.
        let successors = (0..<69).map { String(Unicode.Scalar(0x4E00 + 2 * UInt32($0))!) }
        let title = successors.map { "车" + $0 }.joined(separator: "，") + "，车"
        let near = try indexes.build([SourceDocument(path: "a.md", title: title, body: filler(6_000) + "汽车" + filler(3_000))])
        let found = try XCTUnwrap(try near.search("车").hits.first?.snippet)
        XCTAssertTrue(found.text.contains("汽车"), found.text)
        XCTAssertEqual(found.highlights.count, 1)
        let far = try indexes.build([SourceDocument(path: "a.md", title: title, body: filler(12_000) + "汽车" + filler(3_000))])
        let start = try XCTUnwrap(try far.search("车").hits.first?.snippet)
        XCTAssertTrue(start.text.hasPrefix("天气晴朗。"), start.text)
        XCTAssertEqual(start.highlights, [])
    }
}

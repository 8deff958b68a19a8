import Foundation
import XCTest
@testable import ChineseSearch

/// The living index against a model: random sequences of add, replace, delete, commit, rollback, compact and
/// reopen on random corpora. After every commit, every query of a random set (every kind, both modes) gives
/// what a fresh build of the same documents gives, and both equal the reference search of the test target.
final class LivingIndexModelTests: XCTestCase {
    /// The model: the documents a fresh build would hold, by path.
    private struct Model {
        var documents: [String: SourceDocument] = [:]
        /// In byte-wise path order: a fresh build's document order, and the reference's document ids.
        var sorted: [SourceDocument] {
            documents.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }
    }

    func testRandomChangesKeepEveryQueryEqualToAFreshBuildAndTheReference() throws {
        for seed: UInt64 in [11, 12, 13, 14] {
            try runModel(seed: seed, steps: 110)
        }
    }

    /// One document per commit: tiers of 8 merge, so 100 commits leave few segments, and scores stay exact.
    func testManySmallCommitsMergeByTiersAndStayExact() throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/tiers.idx"
        var generator = RandomCorpus(seed: 21)
        var model = Model()
        let writer = try IndexWriter(path: path)
        var most = 0
        for i in 0..<100 {
            let d = generator.document(i)
            writer.add(d)
            model.documents[d.path] = d
            if i % 10 == 9, let p = model.documents.keys.sorted().first {
                writer.delete(path: p)
                model.documents[p] = nil
            }
            let summary = try writer.commit()
            most = max(most, summary.segments)
        }
        XCTAssertLessThan(most, 2 * MergePolicy.segmentsPerTier, "tiers keep the segment count logarithmic")
        XCTAssertLessThan(try SearchIndex(path: path).segments.count, MergePolicy.segmentsPerTier + 2)
        XCTAssertTrue(try compareWithFreshBuild(try SearchIndex(path: path), model, folder: folder, generator: &generator,
                                                what: "after 100 commits"))
    }

    private func runModel(seed: UInt64, steps: Int) throws {
        let folder = try TemporaryFolder(for: self)
        let path = folder.path + "/living.idx"
        var generator = RandomCorpus(seed: seed)
        var model = Model()
        var pending = Model()
        var nextID = 0
        let writer = try IndexWriter(path: path, options: IndexBuildOptions(threads: 2))
        var sawDeletions = false
        var reader = try SearchIndex(path: path)
        var topFive = SearchOptions()
        topFive.top = 5
        for step in 0..<steps {
            let action = generator.random.below(20)
            switch action {
            case 0..<8:  // add one to four new documents
                for _ in 0..<(1 + generator.random.below(4)) {
                    let d = withFields(generator.document(nextID), &generator.random)
                    nextID += 1
                    writer.add(d)
                    pending.documents[d.path] = d
                }
            case 8..<11:  // replace an existing document with new text
                let paths = pending.documents.keys.sorted()
                if !paths.isEmpty {
                    let p = generator.random.pick(paths)
                    var d = withFields(generator.document(generator.random.below(1000)), &generator.random)
                    d.path = p
                    writer.add(d)
                    pending.documents[p] = d
                }
            case 11..<14:  // delete one or two
                for _ in 0..<(1 + generator.random.below(2)) {
                    let paths = pending.documents.keys.sorted()
                    if !paths.isEmpty {
                        let p = generator.random.pick(paths)
                        writer.delete(path: p)
                        pending.documents[p] = nil
                    }
                }
            case 14:  // delete a path that is not there
                writer.delete(path: "absent-\(step).md")
            case 15:
                writer.rollback()
                pending = model
                continue
            case 16:
                try writer.compact()
                model = pending
            default:
                // A snapshot opened before a commit keeps answering from its commit.
                let before = try reader.search("的", options: topFive)
                try writer.commit()
                XCTAssertEqual(try reader.search("的", options: topFive).hits.map(\.path), before.hits.map(\.path),
                               "an open snapshot changed under a commit")
                model = pending
            }
            if action == 16 || action >= 17 {
                reader = try reader.reopened()
                XCTAssertEqual(reader.generation, try SearchIndex(path: path).generation)
                let segments = reader.segments
                if segments.contains(where: { $0.deleted > 0 }) { sawDeletions = true }
                XCTAssertLessThanOrEqual(segments.count, 2 * MergePolicy.segmentsPerTier,
                                         "segments must stay logarithmic in the commits")
                guard try compareWithFreshBuild(reader, model, folder: folder, generator: &generator,
                                                what: "seed \(seed) step \(step)") else { return }
            }
        }
        XCTAssertTrue(sawDeletions, "seed \(seed): no commit left deleted documents to exercise decrements")
        XCTAssertNoThrow(try SearchIndex(path: path).verify())
    }

    /// `d` with random front matter fields: a date in 2021–2023 (or none), an author and categories (variants).
    private func withFields(_ d: SourceDocument, _ random: inout RandomText) -> SourceDocument {
        var d = d
        d.date = random.below(4) == 0 ? "" : "202\(1 + random.below(3))-0\(1 + random.below(9))-1\(random.below(10))"
        d.author = random.pick(["新华社", "新華社", "", "ＩＴ之家"])
        d.categories = (0..<random.below(4)).map { _ in random.pick(["新闻", "新聞", "科技", "Tech"]) }
        return d
    }

    /// Compares the living index with a fresh build of the model and with the reference; false on a difference.
    private func compareWithFreshBuild(_ index: SearchIndex, _ model: Model, folder: TemporaryFolder,
                                       generator: inout RandomCorpus, what: String) throws -> Bool {
        let documents = model.sorted
        XCTAssertEqual(index.documentCount, documents.count, what)
        let freshPath = folder.path + "/fresh.idx"
        _ = try IndexBuilder.build(documents: documents, indexPath: freshPath, options: IndexBuildOptions(threads: 1))
        let fresh = try SearchIndex(path: freshPath)
        XCTAssertEqual(index.statistics.textTokens, fresh.statistics.textTokens, what)
        XCTAssertEqual(index.statistics.titleTokens, fresh.statistics.titleTokens, what)
        XCTAssertNoThrow(try index.verify(), what)
        guard !documents.isEmpty else {
            XCTAssertEqual(try index.search("的").total, 0, what)
            return true
        }
        let reference = ReferenceSearch(documents)
        let idOfPath = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.path, $0) })
        for _ in 0..<24 {
            let query = generator.query(from: documents)
            var options = SearchOptions()
            options.mode = generator.random.pick([.all, .any])
            options.top = generator.random.pick([1, 5, 10, 1000])
            options.snippets = false
            guard let expected = try? reference.search(query, options: options) else {
                XCTAssertThrowsError(try index.search(query, options: options), "\(what): «\(query)»")
                continue
            }
            var living = try index.search(query, options: options)
            let rebuilt = try fresh.search(query, options: options)
            XCTAssertEqual(living.hits.map(\.path), rebuilt.hits.map(\.path), "\(what): «\(query)» order differs from a fresh build")
            for (a, b) in zip(living.hits, rebuilt.hits) where !scoresAgree(a.score, b.score) {
                XCTFail("\(what): «\(query)» \(a.path) scores \(a.score), fresh build \(b.score)")
                return false
            }
            if options.mode == .all { XCTAssertEqual(living.total, rebuilt.total, "\(what): «\(query)» total") }
            // Fields survive updates and merges: filters, date order and facets as a fresh build gives them.
            var fieldOptions = options
            fieldOptions.sort = generator.random.pick(SortOrder.allCases)
            fieldOptions.facets = [FacetRequest(.category), FacetRequest(.author), FacetRequest(.month)]
            let filter = generator.random.pick(["", " category:新闻", " -category:科技", " author:新华社", " date:2022"])
            if let a = try? index.search(query + filter, options: fieldOptions) {
                let b = try fresh.search(query + filter, options: fieldOptions)
                XCTAssertEqual(a.hits.map(\.path), b.hits.map(\.path), "\(what): «\(query + filter)» \(fieldOptions.sort)")
                XCTAssertEqual(a.facets, b.facets, "\(what): «\(query + filter)» facets")
                XCTAssertEqual(a.hits.map(\.categories), b.hits.map(\.categories))
            }
            // The reference numbers documents in path order: map the hits onto those numbers.
            for i in living.hits.indices { living.hits[i].documentID = idOfPath[living.hits[i].path]! }
            guard assertMatchesReference(living, expected, options: options, query: "\(what): \(query)") else { return false }
        }
        return true
    }
}

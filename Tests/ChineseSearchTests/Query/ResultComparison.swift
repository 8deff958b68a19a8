import XCTest
import ChineseSearch

/// Whether two scores agree within 1e-9 relative.
func scoresAgree(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(abs(a), abs(b))
}

/// Asserts that the engine's results for `query` are the reference's: the same documents in the same order
/// with the same scores (within 1e-9 relative), and the same total. Documents whose reference scores agree
/// within that tolerance count as tied, and may come in either order; exactly equal engine scores must be in
/// ascending path order (byte-wise). Returns false (after reporting) on the first difference.
@discardableResult
func assertMatchesReference(_ actual: SearchResults, _ expected: ReferenceSearch.Results, options: SearchOptions,
                            query: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
    let context = "query «\(query)» mode \(options.mode) top \(options.top) k1 \(options.bm25.k1) b \(options.bm25.b) "
        + "titleWeight \(options.titleWeight)\nengine: \(actual.hits.map { ($0.documentID, $0.score) })\n"
        + "reference: \(expected.hits.prefix(max(options.top, 0) + 3).map { ($0.doc, $0.score) })"
    func fail(_ message: String) -> Bool {
        XCTFail("\(message)\n\(context)", file: file, line: line)
        return false
    }
    if options.mode == .all || !actual.totalIsLowerBound {
        guard actual.total == expected.total else { return fail("total \(actual.total) ≠ reference \(expected.total)") }
    } else {
        guard actual.total <= expected.total else { return fail("lower-bound total \(actual.total) > reference \(expected.total)") }
    }
    if options.mode == .all, actual.totalIsLowerBound { return fail("mode all gave a lower-bound total") }
    guard actual.hits.count == min(options.top, expected.total) else {
        return fail("\(actual.hits.count) hits, reference has \(min(options.top, expected.total))")
    }
    let referenceScore = Dictionary(uniqueKeysWithValues: expected.hits.map { ($0.doc, $0.score) })
    guard Set(actual.hits.map(\.documentID)).count == actual.hits.count else { return fail("a document came twice") }
    for (i, hit) in actual.hits.enumerated() {
        guard let own = referenceScore[hit.documentID] else { return fail("hit \(i): document \(hit.documentID) does not match") }
        guard scoresAgree(hit.score, own) else { return fail("hit \(i): document \(hit.documentID) scored \(hit.score), reference \(own)") }
        let wanted = expected.hits[i]
        guard hit.documentID == wanted.doc || scoresAgree(own, wanted.score) else {
            return fail("hit \(i): document \(hit.documentID), reference ranks \(wanted.doc) there")
        }
        if i > 0 {
            let previous = actual.hits[i - 1]
            guard previous.score > hit.score
                    || (previous.score == hit.score && previous.path.utf8.lexicographicallyPrecedes(hit.path.utf8)) else {
                return fail("hits \(i - 1) and \(i) out of order")
            }
        }
    }
    return true
}

import Foundation
import XCTest
import ChineseSearch

/// Fields, filters, sort, paging and facets against a reference written here: random corpora with random
/// front matter (dates in every accepted form, from components whose instant Foundation's calendar gives;
/// unreadable dates; author and category variants whose normalized form is written down by hand), random
/// queries mixing terms and filters (or filters only), both modes, every sort, offsets and facets. The
/// reference matches the terms with `ReferenceSearch` and applies filters, order and counts itself.
final class FieldReferenceTests: XCTestCase {
    /// Written forms and the normalized form a match uses, by hand.
    static let authors: [(written: String, normal: String)] = [
        ("新华社", "新华社"), ("新華社", "新华社"), ("ＩＴ之家", "it之家"), ("IT之家", "it之家"), ("张 三", "张 三"),
        ("张\u{3000}三", "张 三"), ("", ""),
    ]
    static let categories: [(written: String, normal: String)] = [
        ("新闻", "新闻"), ("新聞", "新闻"), ("科技", "科技"), ("Tech", "tech"), ("TECH", "tech"), ("财经", "财经"),
        ("財經", "财经"),
    ]

    /// A document's fields as the reference knows them.
    struct Fields {
        var date: Int64?
        var author: String
        var categories: Set<String>
    }

    private var calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    private func instant(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
        Int64(calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: mi, second: s))!.timeIntervalSince1970)
    }

    private func pad(_ v: Int, _ w: Int = 2) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }

    /// A date as written and the instant it stands for (nil: not a date).
    private func randomDate(_ random: inout RandomText) -> (String, Int64?) {
        let y = 2020 + random.below(5), m = 1 + random.below(12)
        let days = calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: y, month: m))!)!.count
        let d = 1 + random.below(days), h = random.below(24), mi = random.below(60), s = random.below(60)
        let offsetMinutes = random.pick([0, 480, -300, 330])
        let sign = offsetMinutes < 0 ? "-" : "+", oh = pad(abs(offsetMinutes) / 60), om = pad(abs(offsetMinutes) % 60)
        let local = instant(y, m, d, h, mi, s)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let weekday = weekdays[calendar.component(.weekday, from: Date(timeIntervalSince1970: Double(local))) - 1]
        switch random.below(9) {
        case 0: return ("\(y)-\(pad(m))-\(pad(d))", instant(y, m, d))
        case 1: return ("\(y)-\(pad(m))-\(pad(d))T\(pad(h)):\(pad(mi)):\(pad(s))\(sign)\(oh):\(om)", local - Int64(offsetMinutes * 60))
        case 2: return ("\(y)-\(pad(m))-\(pad(d)) \(pad(h)):\(pad(mi))", instant(y, m, d, h, mi))
        case 3: return ("\(weekday), \(d) \(months[m - 1]) \(y) \(pad(h)):\(pad(mi)):\(pad(s)) GMT", local)
        case 4: return ("\(d) \(months[m - 1]) \(y) \(pad(h)):\(pad(mi)):\(pad(s)) \(sign)\(oh)\(om)", local - Int64(offsetMinutes * 60))
        case 5: return ("\(y)年\(m)月\(d)日", instant(y, m, d))
        case 6: return ("\(y)年\(m)月\(d)日 \(pad(h)):\(pad(mi))", instant(y, m, d, h, mi))
        case 7: return (random.pick(["昨天", "\(y)-13-01", "\(y)年2月30日", "22-08-01", "soon"]), nil)
        default: return ("", nil)
        }
    }

    /// A random `date:` filter value and the half-open instant range it keeps.
    private func randomDateFilter(_ random: inout RandomText) -> (String, Range<Int64>) {
        let y = 2020 + random.below(5), m = 1 + random.below(12), d = 1 + random.below(28)
        let yearStart = instant(y, 1, 1), nextYear = instant(y + 1, 1, 1)
        let monthStart = instant(y, m, 1), nextMonth = m == 12 ? nextYear : instant(y, m + 1, 1)
        let day = instant(y, m, d), nextDay = day + 86_400
        let later = (m - 1) + random.below(15)  // a range never ends before it starts (that is an error)
        let y2 = y + later / 12, m2 = later % 12 + 1
        let end2 = m2 == 12 ? instant(y2 + 1, 1, 1) : instant(y2, m2 + 1, 1)
        switch random.below(8) {
        case 0: return ("\(y)", yearStart..<nextYear)
        case 1: return ("\(y)-\(pad(m))", monthStart..<nextMonth)
        case 2: return ("\(y)-\(pad(m))-\(pad(d))", day..<nextDay)
        case 3: return ("\(y)-\(pad(m))..\(y2)-\(pad(m2))", monthStart..<end2)
        case 4: return ("\(y)-\(pad(m))-\(pad(d))..", day..<Int64.max)
        case 5: return ("..\(y)-\(pad(m))", Int64.min..<nextMonth)
        case 6: return (">=\(y)-\(pad(m))", monthStart..<Int64.max)
        default: return ("<\(y)", Int64.min..<yearStart)
        }
    }

    func testRandomFieldQueriesEqualTheReference() throws {
        var generator = RandomCorpus(seed: 808)
        let folder = try TemporaryFolder(for: self)
        var compared = 0, withHits = 0
        for corpusNumber in 0..<5 {
            var documents: [SourceDocument] = []
            var fields: [Fields] = []
            for base in generator.corpus(count: 40 + generator.random.below(80)) {
                var d = base
                let (dateText, date) = randomDate(&generator.random)
                let author = generator.random.pick(Self.authors)
                let cats = (0..<generator.random.below(6)).map { _ in generator.random.pick(Self.categories) }
                d.date = dateText
                d.author = author.written
                d.categories = cats.map(\.written)
                documents.append(d)
                fields.append(Fields(date: date, author: author.normal, categories: Set(cats.map(\.normal))))
            }
            // The reference numbers documents in path order: sort both.
            let order = documents.indices.sorted { documents[$0].path.utf8.lexicographicallyPrecedes(documents[$1].path.utf8) }
            documents = order.map { documents[$0] }
            fields = order.map { fields[$0] }
            let path = folder.path + "/fields-\(corpusNumber).idx"
            _ = try IndexBuilder.build(documents: documents, indexPath: path)
            let index = try SearchIndex(path: path)
            let reference = ReferenceSearch(documents)
            for _ in 0..<120 {
                var filterWords: [String] = []
                var keep: [(Fields) -> Bool] = []
                for _ in 0..<(1 + generator.random.below(2)) {
                    switch generator.random.below(4) {
                    case 0:
                        let a = generator.random.pick(Self.authors.filter { !$0.written.isEmpty } + [("无名氏", "无名氏")])
                        filterWords.append("author:\"\(a.written)\"")
                        keep.append { $0.author == a.normal }
                    case 1:
                        let c = generator.random.pick(Self.categories)
                        let excluded = generator.random.below(3) == 0
                        filterWords.append((excluded ? "-" : "") + "category:\(c.written)")
                        keep.append { excluded != $0.categories.contains(c.normal) }
                    default:
                        let (text, range) = randomDateFilter(&generator.random)
                        filterWords.append("date:\(text)")
                        keep.append { f in f.date.map { range.contains($0) } ?? false }
                    }
                }
                let filtersOnly = generator.random.below(5) == 0
                let terms = filtersOnly ? "" : generator.query(from: documents)
                var options = SearchOptions()
                options.mode = generator.random.pick([.all, .any])
                options.top = generator.random.pick([1, 3, 10, 200])
                options.offset = generator.random.pick([0, 0, 1, 4])
                options.sort = generator.random.pick(SortOrder.allCases)
                options.snippets = false
                if generator.random.below(3) == 0 {
                    options.facets = [FacetRequest(generator.random.pick(FacetField.allCases), limit: generator.random.pick([3, 20]))]
                }
                let query = (terms.isEmpty ? "" : terms + " ") + filterWords.joined(separator: " ")
                if filtersOnly && filterWords.allSatisfy({ $0.hasPrefix("-") }) {
                    // Exclusions only: an error that says how to write it, never every document.
                    XCTAssertThrowsError(try index.search(query, options: options)) { XCTAssertTrue($0 is QuerySyntaxError, "\($0)") }
                    continue
                }
                // The reference: the terms' matches and scores (every document, score 0, for filters only), then filters.
                var matched: [(doc: Int, score: Double)]
                if filtersOnly {
                    matched = documents.indices.map { ($0, 0.0) }
                } else {
                    var termOptions = options
                    termOptions.top = documents.count
                    guard let r = try? reference.search(terms, options: termOptions) else { continue }
                    matched = r.hits
                }
                matched = matched.filter { m in keep.allSatisfy { $0(fields[m.doc]) } }
                guard check(query, options, index, matched, fields, documents) else { return }
                compared += 1
                if !matched.isEmpty { withHits += 1 }
            }
        }
        XCTAssertGreaterThan(compared, 400)
        XCTAssertGreaterThan(withHits, compared / 5, "enough queries match something")
    }

    /// Compares one query; false (after reporting) on the first difference.
    private func check(_ query: String, _ options: SearchOptions, _ index: SearchIndex,
                       _ matched: [(doc: Int, score: Double)], _ fields: [Fields], _ documents: [SourceDocument]) -> Bool {
        func fail(_ message: String) -> Bool {
            XCTFail("«\(query)» mode \(options.mode) sort \(options.sort) offset \(options.offset) top \(options.top): \(message)")
            return false
        }
        let results: SearchResults
        do { results = try index.search(query, options: options) } catch { return fail("threw \(error)") }
        func primary(_ doc: Int) -> Int64 {
            switch options.sort {
            case .relevance: return 0
            case .newestFirst: return fields[doc].date ?? Int64.min
            case .oldestFirst: return fields[doc].date.map { -$0 } ?? Int64.min
            }
        }
        let expected = matched.sorted { a, b in
            let pa = primary(a.doc), pb = primary(b.doc)
            if pa != pb { return pa > pb }
            return a.score != b.score ? a.score > b.score : a.doc < b.doc
        }
        let pruningAllowed = options.mode == .any && options.sort == .relevance && options.facets.isEmpty
        if results.totalIsLowerBound && !pruningAllowed { return fail("total is a lower bound") }
        if results.totalIsLowerBound ? results.total > expected.count : results.total != expected.count {
            return fail("total \(results.total), reference \(expected.count)")
        }
        let window = Array(expected.dropFirst(options.offset).prefix(options.top))
        guard results.hits.count == window.count else { return fail("\(results.hits.count) hits, reference \(window.count)") }
        let scoreOf = Dictionary(uniqueKeysWithValues: matched.map { ($0.doc, $0.score) })
        let idOf = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.path, $0) })
        for (i, hit) in results.hits.enumerated() {
            guard let doc = idOf[hit.path], let own = scoreOf[doc] else { return fail("hit \(hit.path) does not match") }
            guard scoresAgree(hit.score, own) || (own == 0 && hit.score == 0) else { return fail("\(hit.path) scored \(hit.score), reference \(own)") }
            let wanted = window[i]
            let tied = primary(doc) == primary(wanted.doc) && (scoresAgree(own, wanted.score) || own == wanted.score)
            guard doc == wanted.doc || tied else { return fail("hit \(i) is \(hit.path), reference ranks \(documents[wanted.doc].path) there") }
            guard hit.rank == options.offset + i + 1 else { return fail("hit \(i) has rank \(hit.rank)") }
            guard hit.timestamp == fields[doc].date else { return fail("\(hit.path) timestamp \(String(describing: hit.timestamp))") }
        }
        for request in options.facets {
            var counts: [String: Int] = [:]
            for m in expected {
                let f = fields[m.doc]
                switch request.field {
                case .author: if !f.author.isEmpty { counts[f.author, default: 0] += 1 }
                case .category: for c in f.categories { counts[c, default: 0] += 1 }
                case .year, .month:
                    guard let date = f.date else { continue }
                    let c = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: Double(date)))
                    counts[request.field == .year ? pad(c.year!, 4) : "\(pad(c.year!, 4))-\(pad(c.month!))", default: 0] += 1
                }
            }
            let want = counts.map { ($0.key, $0.value) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                .prefix(request.limit).map { "\($0.0) \($0.1)" }
            let got = results.facets.first { $0.field == request.field }?.counts.map { "\($0.value) \($0.count)" } ?? []
            guard got == Array(want) else { return fail("facet \(request.field): \(got), reference \(Array(want))") }
        }
        return true
    }
}

/// Counts the facet values of the matching documents of one segment (or one part of it).
struct FacetTally {
    /// Which values are counted (plain flags: a tally is made for every search, facets or not).
    private let countsAuthors: Bool
    private let countsCategories: Bool
    private let countsDates: Bool
    private(set) var authors: [UInt32: Int] = [:]
    private(set) var categories: [UInt32: Int] = [:]
    /// By year, and by year × 100 + month.
    private(set) var years: [Int: Int] = [:]
    private(set) var months: [Int: Int] = [:]

    init(_ requests: [FacetRequest]) {
        countsAuthors = requests.contains { $0.field == .author }
        countsCategories = requests.contains { $0.field == .category }
        countsDates = requests.contains { $0.field == .year || $0.field == .month }
    }

    var isEmpty: Bool { !countsAuthors && !countsCategories && !countsDates }

    /// Counts the values of matching document `doc`.
    mutating func add(_ doc: UInt32, _ reader: IndexReader) {
        if countsAuthors {
            let a = reader.authorID(doc)
            if a != FieldRecord.noValue { authors[a, default: 0] += 1 }
        }
        if countsCategories {
            _ = reader.anyCategory(of: doc) { id in
                categories[id, default: 0] += 1
                return false
            }
        }
        if countsDates {
            let date = reader.date(doc)
            guard date != FieldRecord.noDate else { return }
            let civil = CivilCalendar.date(ofInstant: date)
            years[civil.year, default: 0] += 1
            months[civil.year * 100 + civil.month, default: 0] += 1
        }
    }

    /// Adds another part's counts.
    mutating func merge(_ other: FacetTally) {
        authors.merge(other.authors, uniquingKeysWith: +)
        categories.merge(other.categories, uniquingKeysWith: +)
        years.merge(other.years, uniquingKeysWith: +)
        months.merge(other.months, uniquingKeysWith: +)
    }

    /// The counts of `field` by shown value: normalized authors and categories, `2022`, `2022-08`.
    func counts(_ field: FacetField, _ reader: IndexReader) -> [String: Int] {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        switch field {
        case .author: return Dictionary(authors.map { (reader.valueString($0.key), $0.value) }, uniquingKeysWith: +)
        case .category: return Dictionary(categories.map { (reader.valueString($0.key), $0.value) }, uniquingKeysWith: +)
        case .year: return Dictionary(uniqueKeysWithValues: years.map { (pad($0.key, 4), $0.value) })
        case .month: return Dictionary(uniqueKeysWithValues: months.map { ("\(pad($0.key / 100, 4))-\(pad($0.key % 100, 2))", $0.value) })
        }
    }
}

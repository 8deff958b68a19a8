/// Builds a segment's field sections from its documents' fields: the value dictionary (normalized author and
/// category values, sorted, each behind its kind byte), a field record per document, the category id lists,
/// and the values as written.
struct FieldSections {
    private let analyzer = Analyzer()
    private var fields: [(date: Int64, author: [UInt8]?, categories: [[UInt8]])] = []
    private var shown = ByteWriter()
    private var shownOffsets: [UInt64] = []

    /// Adds the next document's fields.
    mutating func add(_ f: DocumentFields) {
        func key(_ kind: FieldKind, _ value: String) -> [UInt8]? {
            let normalized = analyzer.normalizedFieldValue(value)
            return normalized.isEmpty ? nil : [kind.rawValue] + Array(normalized.utf8)
        }
        var categories: [[UInt8]] = []
        for c in f.categories { if let k = key(.category, c), !categories.contains(k) { categories.append(k) } }
        fields.append((f.date, key(.author, f.author), categories))
        shownOffsets.append(UInt64(shown.count))
        f.encodeShown(into: &shown)
    }

    /// The sections: field records, category ids, value offsets, value bytes, shown values.
    func sections() -> [(SectionKind, ByteWriter)] {
        var distinct = Set<[UInt8]>()
        for f in fields {
            if let a = f.author { distinct.insert(a) }
            for c in f.categories { distinct.insert(c) }
        }
        let values = distinct.sorted { $0.lexicographicallyPrecedes($1) }
        let ids = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, UInt32($0)) })
        var records = ByteWriter(), categoryIDs = ByteWriter(), offsets = ByteWriter(), bytes = ByteWriter()
        var categoryCount = 0
        for (i, f) in fields.enumerated() {
            FieldRecord(date: f.date, author: f.author.map { ids[$0]! } ?? FieldRecord.noValue,
                        categoryCount: UInt32(f.categories.count), categoriesStart: UInt32(categoryCount),
                        shownOffset: shownOffsets[i]).encode(into: &records)
            for c in f.categories { categoryIDs.u32(ids[c]!) }
            categoryCount += f.categories.count
        }
        offsets.u64(0)
        for v in values {
            bytes.append(v)
            offsets.u64(UInt64(bytes.count))
        }
        return [(.fieldRecords, records), (.categoryIDs, categoryIDs), (.valueOffsets, offsets), (.valueBytes, bytes),
                (.shownValues, shown)]
    }
}

/// A document's fields as a run carries them: the date as an instant, author and categories as written.
///
/// ```
/// DocumentFields --> date u64 (Int64 bit pattern; Int64.min: none), authorLength varint, author,
///                    categoryCount varint, (categoryLength varint, category)^categoryCount
/// ```
struct DocumentFields {
    var date: Int64
    var author: String
    var categories: [String]

    init(_ document: SourceDocument) {
        date = DocumentDate.instant(document.date) ?? FieldRecord.noDate
        author = document.author
        categories = document.categories
    }

    init(date: Int64, author: String, categories: [String]) {
        self.date = date
        self.author = author
        self.categories = categories
    }

    func encode(into w: inout ByteWriter) {
        w.u64(UInt64(bitPattern: date))
        Self.string(author, into: &w)
        w.varint(UInt64(categories.count))
        for c in categories { Self.string(c, into: &w) }
    }

    /// The shown values: author and categories as written, each with its length.
    func encodeShown(into w: inout ByteWriter) {
        Self.string(author, into: &w)
        w.varint(UInt64(categories.count))
        for c in categories { Self.string(c, into: &w) }
    }

    /// Decodes fields written by `encode` (run bytes this process wrote).
    init(loading b: UnsafeRawBufferPointer, at o: inout Int) {
        date = Int64(bitPattern: b.u64Unchecked(at: o))
        o += 8
        author = Self.readString(b, &o)
        let n = Int(b.varint(at: &o)!)
        categories = (0..<n).map { _ in Self.readString(b, &o) }
    }

    private static func string(_ s: String, into w: inout ByteWriter) {
        let bytes = Array(s.utf8)
        w.varint(UInt64(bytes.count))
        w.append(bytes)
    }

    private static func readString(_ b: UnsafeRawBufferPointer, _ o: inout Int) -> String {
        let n = Int(b.varint(at: &o)!)
        defer { o += n }
        return String(decoding: b.slice(o, n)!, as: UTF8.self)
    }
}

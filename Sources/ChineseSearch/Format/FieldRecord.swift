/// One document's fields in a segment: its date and the value ids of its author and categories.
///
/// ```
/// FieldRecord --> date i64 (UTC seconds; Int64.min when unreadable or absent), author u32 (value id;
///                 0xFFFFFFFF when none), categoryCount u32, categoriesStart u32, 0 u32,
///                 shownOffset u64                                                              (32 bytes)
/// ```
/// The category ids are `categoriesStart ..< categoriesStart + categoryCount` of the category ids section.
/// `shownOffset` points into the shown-values section at the values as written:
/// `authorLength varint, author, shownCount varint, (categoryLength varint, category)^shownCount` (every
/// category as written, duplicates and empty ones too; the ids hold the distinct non-empty normalized ones).
struct FieldRecord: Equatable {
    static let size = 32
    static let noDate = Int64.min
    static let noValue = UInt32.max

    var date: Int64
    var author: UInt32
    var categoryCount: UInt32
    var categoriesStart: UInt32
    var shownOffset: UInt64

    func encode(into w: inout ByteWriter) {
        w.u64(UInt64(bitPattern: date)); w.u32(author); w.u32(categoryCount); w.u32(categoriesStart); w.u32(0)
        w.u64(shownOffset)
    }

    /// Decodes record `doc` of the field records (the caller checked `doc` against the document count).
    init(loading b: UnsafeRawBufferPointer, doc: Int) {
        let r = doc * Self.size
        date = Int64(bitPattern: b.u64Unchecked(at: r)); author = b.u32Unchecked(at: r + 8)
        categoryCount = b.u32Unchecked(at: r + 12); categoriesStart = b.u32Unchecked(at: r + 16)
        shownOffset = b.u64Unchecked(at: r + 24)
    }

    init(date: Int64, author: UInt32, categoryCount: UInt32, categoriesStart: UInt32, shownOffset: UInt64) {
        self.date = date; self.author = author; self.categoryCount = categoryCount
        self.categoriesStart = categoriesStart; self.shownOffset = shownOffset
    }
}

/// The kinds of field values in a segment's value dictionary: a value is stored as its kind byte followed by
/// its normalized text, so each kind's values are one contiguous, sorted range.
enum FieldKind: UInt8, Sendable {
    case author = 1
    case category = 2
}

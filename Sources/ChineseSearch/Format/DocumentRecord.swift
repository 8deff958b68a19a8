/// One document's entry in a segment's document table.
///
/// ```
/// DocumentRecord --> storedOffset u64, storedLength u32, titleBytes u32, pathOffset u64, pathLength u32,
///                    dateLength u32, titleTokens u32, textTokens u32                          (40 bytes)
/// ```
/// The stored text is `title + "\n" + body`; its first `titleBytes` bytes are the title. The date follows the
/// path in the strings section.
struct DocumentRecord: Equatable {
    static let size = 40
    static let titleTokensOffset = 32
    static let textTokensOffset = 36

    var storedOffset: UInt64
    var storedLength: UInt32
    var titleBytes: UInt32
    var pathOffset: UInt64
    var pathLength: UInt32
    var dateLength: UInt32
    var titleTokens: UInt32
    var textTokens: UInt32

    func encode(into w: inout ByteWriter) {
        w.u64(storedOffset); w.u32(storedLength); w.u32(titleBytes)
        w.u64(pathOffset); w.u32(pathLength); w.u32(dateLength)
        w.u32(titleTokens); w.u32(textTokens)
    }

    /// Decodes record `doc` of a document table (the caller checked `doc` against the document count).
    init(loading table: UnsafeRawBufferPointer, doc: Int) {
        let r = doc * Self.size
        storedOffset = table.u64Unchecked(at: r); storedLength = table.u32Unchecked(at: r + 8)
        titleBytes = table.u32Unchecked(at: r + 12)
        pathOffset = table.u64Unchecked(at: r + 16); pathLength = table.u32Unchecked(at: r + 24)
        dateLength = table.u32Unchecked(at: r + 28)
        titleTokens = table.u32Unchecked(at: r + Self.titleTokensOffset)
        textTokens = table.u32Unchecked(at: r + Self.textTokensOffset)
    }

    init(storedOffset: UInt64, storedLength: UInt32, titleBytes: UInt32, pathOffset: UInt64, pathLength: UInt32,
         dateLength: UInt32, titleTokens: UInt32, textTokens: UInt32) {
        self.storedOffset = storedOffset; self.storedLength = storedLength; self.titleBytes = titleBytes
        self.pathOffset = pathOffset; self.pathLength = pathLength; self.dateLength = dateLength
        self.titleTokens = titleTokens; self.textTokens = textTokens
    }

    /// The stored text's range, nil when it does not lie inside a section of `storedCount` bytes.
    func storedRange(within storedCount: Int) -> Range<Int>? {
        Self.range(storedOffset, UInt64(storedLength), within: storedCount)
    }

    /// The path's, the date's and the title's ranges (one after the other), nil when they do not lie inside a
    /// section of `stringsCount` bytes.
    func stringRanges(within stringsCount: Int) -> (path: Range<Int>, date: Range<Int>, title: Range<Int>)? {
        guard let path = Self.range(pathOffset, UInt64(pathLength), within: stringsCount),
              let date = Self.range(UInt64(path.upperBound), UInt64(dateLength), within: stringsCount),
              let title = Self.range(UInt64(date.upperBound), UInt64(titleBytes), within: stringsCount) else { return nil }
        return (path, date, title)
    }

    /// `offset ..< offset + length` when it fits in `count` bytes; compared without overflow.
    private static func range(_ offset: UInt64, _ length: UInt64, within count: Int) -> Range<Int>? {
        guard offset <= UInt64(count), length <= UInt64(count) - offset else { return nil }
        return Int(offset)..<Int(offset + length)
    }
}

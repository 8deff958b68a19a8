/// The document table, read in place.
///
/// ```
/// DocumentRecord --> storedOffset u64, storedLength u32, titleBytes u32, pathOffset u64, pathLength u32,
///                    dateLength u32, titleTokens u32, textTokens u32                          (40 bytes)
/// ```
/// The stored text is `title + "\n" + body`; its first `titleBytes` bytes are the title. The date follows the
/// path in the strings section.
extension IndexReader {
    /// Token count of document `doc`'s text field. O(1).
    @inline(__always) func textLength(_ doc: UInt32) -> UInt32 {
        documents.u32Unchecked(at: Int(doc) * IndexLayout.documentRecordSize + 36)
    }

    /// Token count of document `doc`'s title field. O(1).
    @inline(__always) func titleLength(_ doc: UInt32) -> UInt32 {
        documents.u32Unchecked(at: Int(doc) * IndexLayout.documentRecordSize + 32)
    }

    /// The stored text (title, newline, body) of `doc`; empty when the record is damaged.
    func storedText(_ doc: Int) -> UnsafeRawBufferPointer {
        let r = doc * IndexLayout.documentRecordSize
        let offset = documents.u64Unchecked(at: r), length = documents.u32Unchecked(at: r + 8)
        guard offset <= UInt64(stored.count) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return stored.slice(Int(offset), Int(length)) ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// Whether document `doc`'s record lies inside its sections: stored text, title within it, path and date.
    /// Every sum is checked for overflow, since the offsets are read from the file (up to 2^64 − 1).
    func documentRecordFits(_ doc: Int) -> Bool {
        let r = doc * IndexLayout.documentRecordSize
        let storedLength = documents.u32Unchecked(at: r + 8)
        return Self.range(documents.u64Unchecked(at: r), UInt64(storedLength), fitsIn: stored.count)
            && documents.u32Unchecked(at: r + 12) <= storedLength
            && Self.range(documents.u64Unchecked(at: r + 16),
                          UInt64(documents.u32Unchecked(at: r + 24)) + UInt64(documents.u32Unchecked(at: r + 28)),
                          fitsIn: strings.count)
    }

    /// Whether `offset..<offset + length` lies in `0..<count`, without computing a sum that could overflow.
    static func range(_ offset: UInt64, _ length: UInt64, fitsIn count: Int) -> Bool {
        offset <= UInt64(count) && length <= UInt64(count) - offset
    }

    /// Byte length of the title at the start of the stored text.
    func titleByteCount(_ doc: Int) -> Int {
        Int(documents.u32Unchecked(at: doc * IndexLayout.documentRecordSize + 12))
    }

    private func string(_ offset: UInt64, _ length: UInt32) -> String {
        guard offset <= UInt64(strings.count), let bytes = strings.slice(Int(offset), Int(length)) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The document's path relative to the indexed folder.
    func documentPath(_ doc: Int) -> String {
        let r = doc * IndexLayout.documentRecordSize
        return string(documents.u64Unchecked(at: r + 16), documents.u32Unchecked(at: r + 24))
    }

    /// The document's date as written in its front matter, or "".
    func documentDate(_ doc: Int) -> String {
        let r = doc * IndexLayout.documentRecordSize
        let pathLength = documents.u32Unchecked(at: r + 24)
        return string(documents.u64Unchecked(at: r + 16) &+ UInt64(pathLength), documents.u32Unchecked(at: r + 28))
    }

    /// The document's title.
    func documentTitle(_ doc: Int) -> String {
        let text = storedText(doc)
        let n = min(titleByteCount(doc), text.count)
        return String(decoding: UnsafeRawBufferPointer(rebasing: text[0..<n]), as: UTF8.self)
    }
}

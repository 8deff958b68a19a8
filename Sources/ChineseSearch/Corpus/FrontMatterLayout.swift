/// Where a file's front matter block and its body lie within the file's bytes.
///
/// A front matter block is a line `---`, then field lines, then another line `---` (trailing spaces and
/// "\r" allowed on both). A UTF-8 byte order mark and blank lines may come before it. A file whose first
/// non-blank line is not `---`, or whose block is never closed, has no front matter: it is all body, so
/// a stray `---` can never swallow an article.
struct FrontMatterLayout: Equatable {
    /// The bytes between the two `---` lines, or nil when the file has no front matter.
    var fields: Range<Int>?
    /// The bytes of the body: after the closing `---` line, or the whole file after any byte order mark.
    var body: Range<Int>

    /// Finds the front matter block in `bytes`. O(length of the block).
    init(of bytes: UnsafeRawBufferPointer) {
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let contentStart = hasByteOrderMark ? 3 : 0
        fields = nil
        body = contentStart..<bytes.count

        var lineStart = contentStart
        var lineEnd = bytes.lineEnd(from: lineStart)
        while lineEnd < bytes.count, bytes.trimmedEnd(from: lineStart, to: lineEnd) == lineStart {  // blank line
            lineStart = lineEnd + 1
            lineEnd = bytes.lineEnd(from: lineStart)
        }
        guard lineEnd < bytes.count, Self.isDelimiter(bytes, lineStart, lineEnd) else { return }

        let fieldsStart = lineEnd + 1
        lineStart = fieldsStart
        while lineStart < bytes.count {
            lineEnd = bytes.lineEnd(from: lineStart)
            if Self.isDelimiter(bytes, lineStart, lineEnd) {
                fields = fieldsStart..<lineStart
                body = min(lineEnd + 1, bytes.count)..<bytes.count
                return
            }
            lineStart = lineEnd + 1
        }
    }

    /// True when the line `start..<end` is `---` followed by nothing but spaces, tabs or "\r".
    private static func isDelimiter(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        let dash = UInt8(ascii: "-")
        return bytes.trimmedEnd(from: start, to: end) == start + 3
            && bytes[start] == dash && bytes[start + 1] == dash && bytes[start + 2] == dash
    }
}

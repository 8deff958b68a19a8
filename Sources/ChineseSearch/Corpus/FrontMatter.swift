/// The front matter fields a document keeps: `title`, `date`, `author` and `categories`.
///
/// Reads the YAML subset that blog front matter uses: one `key: value` per line, where a key starts
/// at column 0 and the value is a scalar on the line (see `YAMLScalar`) or a block scalar on the lines
/// below (`title: |`, `title: >-`; see `YAMLBlockScalar`). `categories` (or `category`) may also be a
/// `- item` list on the following lines (indented or not), a `[a, b]` flow list (which may go on over
/// indented lines), or one scalar. Other keys, comments
/// and lines that fit none of these are ignored; when a key repeats, the last one wins. A field keeps its
/// value without the white space and line breaks around it (a block's final line break included).
struct FrontMatter: Equatable {
    /// The `title` value, or nil when absent.
    var title: String?
    /// The `date` value as written, or nil when absent.
    var date: String?
    /// The `author` value, or nil when absent.
    var author: String?
    /// The `categories` items, in order.
    var categories: [String] = []

    /// Reads the fields from the front matter lines in `range` of `bytes`. O(length of the block).
    init(_ bytes: UnsafeRawBufferPointer, fields range: Range<Int>) {
        var collectingCategories = false  // true while `- item` lines belong to `categories`
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = min(bytes.lineEnd(from: lineStart), range.upperBound)
            var nextLine = lineEnd + 1
            defer { lineStart = nextLine }
            let end = bytes.trimmedEnd(from: lineStart, to: lineEnd)
            let start = bytes.trimmedStart(from: lineStart, to: end)
            guard start < end, bytes[start] != UInt8(ascii: "#") else { continue }  // blank or comment

            if start > lineStart || bytes[start] == UInt8(ascii: "-") {
                if collectingCategories { appendListItem(bytes, from: start, to: end) }
                continue
            }
            collectingCategories = false
            guard let colon = Self.keyEnd(bytes, from: start, to: end) else { continue }
            let valueStart = bytes.trimmedStart(from: colon + 1, to: end)
            // The value: a block scalar on the lines below, or a scalar on this line.
            func value() -> String {
                guard let header = YAMLBlockScalar.header(bytes, from: valueStart, to: end) else {
                    return Self.trimmed(YAMLScalar.decode(bytes, from: valueStart, to: end, context: .block).text)
                }
                let block = YAMLBlockScalar.decode(bytes, header, linesFrom: min(lineEnd + 1, range.upperBound), to: range.upperBound)
                nextLine = block.next
                return Self.trimmed(block.text)
            }
            switch bytes.text(from: start, to: colon) {
            case "title": title = value()
            case "date": date = value()
            case "author": author = value()
            case "categories", "category":
                if valueStart == end {
                    categories = []
                    collectingCategories = true
                } else if bytes[valueStart] == UInt8(ascii: "[") {
                    let listEnd = Self.indentedLinesEnd(bytes, after: lineEnd, before: range.upperBound)
                    categories = YAMLScalar.decodeFlowList(bytes, from: valueStart, to: listEnd)
                    nextLine = listEnd + 1
                } else {
                    let single = value()
                    categories = single.isEmpty ? [] : [single]
                }
            default: break
            }
        }
    }

    /// Appends the item of a `- item` line (whose `-` is at `start`) to `categories`; other lines are ignored.
    private mutating func appendListItem(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard bytes[start] == UInt8(ascii: "-"),
              start + 1 == end || bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09 else { return }
        let itemStart = bytes.trimmedStart(from: start + 1, to: end)
        let item = YAMLScalar.decode(bytes, from: itemStart, to: end, context: .block).text
        if !item.isEmpty { categories.append(item) }
    }

    /// The end of the run of indented lines that follow the line ending at `lineEnd` (a flow list may go on
    /// over them); `lineEnd` itself when the next line is not indented.
    private static func indentedLinesEnd(_ bytes: UnsafeRawBufferPointer, after lineEnd: Int, before end: Int) -> Int {
        var runEnd = lineEnd
        while runEnd + 1 < end, bytes[runEnd + 1] == 0x20 || bytes[runEnd + 1] == 0x09 {
            runEnd = min(bytes.lineEnd(from: runEnd + 1), end)
        }
        return runEnd
    }

    /// `text` without the white space and line breaks at its ends.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// The index of the colon that ends the key of a `key: value` line: the first `:` followed by a space,
    /// a tab or the end of the line. Nil when the line has none.
    private static func keyEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var i = start
        while let colon = bytes.firstIndex(of: UInt8(ascii: ":"), from: i, to: end) {
            if colon + 1 == end || bytes[colon + 1] == 0x20 || bytes[colon + 1] == 0x09 { return colon }
            i = colon + 1
        }
        return nil
    }
}

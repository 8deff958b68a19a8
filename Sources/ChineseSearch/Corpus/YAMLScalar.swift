/// Decodes the YAML scalar forms that front matter uses: 'single-quoted' (`''` is a quote),
/// "double-quoted" (backslash escapes), and plain (bare) text, which ends at a ` #` comment.
///
/// A quoted value left open runs to the end of the line rather than being rejected.
/// Plain and quoted values continued on the next lines are not supported: only the first line counts
/// (`|` and `>` blocks are: see `YAMLBlockScalar`).
enum YAMLScalar {
    /// Where a plain scalar may end: only at the end of the line (`block`) or also at `,` and `]` (inside a `[flow, list]`).
    enum Context {
        case block
        case flow
    }

    /// Decodes the scalar that starts at `start` (not a space) and lies before `end`.
    /// Returns its text and the index just past it.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, context: Context
    ) -> (text: String, next: Int) {
        guard start < end else { return ("", start) }
        switch bytes[start] {
        case UInt8(ascii: "'"): return singleQuoted(bytes, from: start + 1, to: end)
        case UInt8(ascii: "\""): return doubleQuoted(bytes, from: start + 1, to: end)
        default: return plain(bytes, from: start, to: end, context: context)
        }
    }

    /// Decodes a `[a, 'b', "c"]` flow list whose `[` is at `start`; empty items are dropped. The list may go on
    /// over line breaks before `end` (an item itself ends at its line's end).
    static func decodeFlowList(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> [String] {
        var items: [String] = []
        var i = start + 1
        while true {
            i = skipFlowSpace(bytes, from: i, to: end)
            guard i < end, bytes[i] != UInt8(ascii: "]") else { return items }
            let lineEnd = min(bytes.lineEnd(from: i), end)
            let (item, next) = decode(bytes, from: i, to: bytes.trimmedEnd(from: i, to: lineEnd), context: .flow)
            if !item.isEmpty { items.append(item) }
            // Skip anything between the item and the next separator (e.g. text after a closing quote).
            i = next
            while i < end, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "]") { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: ",") else { return items }
            i += 1
        }
    }

    /// `start` moved over spaces, tabs, line breaks and `# comments` to their line's end.
    private static func skipFlowSpace(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "#"): i = min(bytes.lineEnd(from: i), end)
            default: return i
            }
        }
        return i
    }

    /// A plain scalar: up to a comment (`#` after a space), or `,`/`]` in a flow list; trailing spaces trimmed.
    private static func plain(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, context: Context
    ) -> (text: String, next: Int) {
        var i = start
        scan: while i < end {
            switch bytes[i] {
            case UInt8(ascii: "#") where i > start && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09):
                break scan
            case UInt8(ascii: ",") where context == .flow, UInt8(ascii: "]") where context == .flow:
                break scan
            default:
                i += 1
            }
        }
        return (bytes.text(from: start, to: bytes.trimmedEnd(from: start, to: i)), i)
    }

    /// A single-quoted scalar whose opening quote ends just before `start`.
    private static func singleQuoted(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
    ) -> (text: String, next: Int) {
        let quote = UInt8(ascii: "'")
        var text: [UInt8] = []
        var i = start
        while i < end {
            if bytes[i] == quote {
                guard i + 1 < end, bytes[i + 1] == quote else { return (String(decoding: text, as: UTF8.self), i + 1) }
                i += 1  // '' stands for one quote
            }
            text.append(bytes[i])
            i += 1
        }
        return (String(decoding: text, as: UTF8.self), end)
    }

    /// A double-quoted scalar whose opening quote ends just before `start`.
    /// Escapes: \0 \a \b \t \n \v \f \r \e \space \" \/ \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX;
    /// a \u surrogate pair becomes one scalar; an unknown escape is kept as written.
    private static func doubleQuoted(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
    ) -> (text: String, next: Int) {
        var text: [UInt8] = []
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { return (String(decoding: text, as: UTF8.self), i + 1) }
            guard byte == UInt8(ascii: "\\"), i + 1 < end else {
                text.append(byte)
                i += 1
                continue
            }
            let (scalar, length) = escape(bytes, at: i, to: end)
            if let scalar {
                UTF8Encoding.encode(scalar) { text.append($0) }
            } else {
                text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<i + length]))
            }
            i += length
        }
        return (String(decoding: text, as: UTF8.self), end)
    }

    /// The scalar of the escape whose backslash is at `start`, and the escape's length in bytes;
    /// a nil scalar means an unknown escape, kept as its two bytes.
    private static func escape(_ bytes: UnsafeRawBufferPointer, at start: Int, to end: Int) -> (UInt32?, Int) {
        switch bytes[start + 1] {
        case UInt8(ascii: "0"): return (0x00, 2)
        case UInt8(ascii: "a"): return (0x07, 2)
        case UInt8(ascii: "b"): return (0x08, 2)
        case UInt8(ascii: "t"), 0x09: return (0x09, 2)
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "v"): return (0x0B, 2)
        case UInt8(ascii: "f"): return (0x0C, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        case UInt8(ascii: "e"): return (0x1B, 2)
        case UInt8(ascii: " "): return (0x20, 2)
        case UInt8(ascii: "\""): return (0x22, 2)
        case UInt8(ascii: "/"): return (0x2F, 2)
        case UInt8(ascii: "\\"): return (0x5C, 2)
        case UInt8(ascii: "N"): return (0x85, 2)
        case UInt8(ascii: "_"): return (0xA0, 2)
        case UInt8(ascii: "L"): return (0x2028, 2)
        case UInt8(ascii: "P"): return (0x2029, 2)
        case UInt8(ascii: "x"): return hexEscape(bytes, at: start, digits: 2, to: end)
        case UInt8(ascii: "U"): return hexEscape(bytes, at: start, digits: 8, to: end)
        case UInt8(ascii: "u"):
            let (high, length) = hexEscape(bytes, at: start, digits: 4, to: end)
            guard let high, (0xD800...0xDBFF).contains(high),
                  start + 12 <= end, bytes[start + 6] == UInt8(ascii: "\\"), bytes[start + 7] == UInt8(ascii: "u"),
                  case let (low?, _) = hexEscape(bytes, at: start + 6, digits: 4, to: end),
                  (0xDC00...0xDFFF).contains(low) else { return (high, length) }
            return (0x10000 + (high - 0xD800) << 10 + (low - 0xDC00), 12)
        default: return (nil, 2)
        }
    }

    /// A `\x`, `\u` or `\U` escape at `start` with exactly `digits` hex digits; nil scalar when the digits are missing.
    private static func hexEscape(_ bytes: UnsafeRawBufferPointer, at start: Int, digits: Int, to end: Int) -> (UInt32?, Int) {
        guard start + 2 + digits <= end else { return (nil, 2) }
        var value: UInt32 = 0
        for i in start + 2..<start + 2 + digits {
            guard let digit = ASCII.hexDigit(bytes[i]) else { return (nil, 2) }
            value = value << 4 | digit
        }
        return (value, 2 + digits)
    }
}

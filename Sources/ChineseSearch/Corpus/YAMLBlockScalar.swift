/// Decodes YAML block scalars, literal (`|`) and folded (`>`), as front matter uses them for long titles:
///
///     title: |-        title: >
///       第一行            折叠的
///       第二行            一行
///
/// The header is `|` or `>`, then optionally a chomping indicator (`-` strip, `+` keep, none: clip) and an
/// indentation indicator `1`…`9` in either order, then optionally a ` # comment`. The content is the lines
/// after the header that are blank or indented by at least the content indentation (the indicator's, or that
/// of the first non-blank line), each with that indentation removed; the first less-indented non-blank line
/// ends it. Literal keeps the line breaks; folded joins adjacent lines of equal indentation with a space,
/// turns n blank lines between them into n line breaks, and keeps breaks around more-indented lines (YAML
/// 1.2 § 8.1.3). Chomping: strip drops the final line break, clip keeps one, keep keeps them all with the
/// trailing blank lines. One simplification: a line of only white space is an empty line even when it has
/// more spaces than the indentation.
enum YAMLBlockScalar {
    /// What the header line says about the block.
    struct Header: Equatable {
        enum Chomping: Equatable { case strip, clip, keep }

        var folded: Bool
        var chomping: Chomping = .clip
        /// The content indentation from the indicator, or nil to take it from the first non-blank line.
        var indentation: Int?
    }

    /// The header at `start..<end` (a value, trimmed of spaces), or nil when it is not a block scalar header.
    static func header(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Header? {
        guard start < end, bytes[start] == UInt8(ascii: "|") || bytes[start] == UInt8(ascii: ">") else { return nil }
        var header = Header(folded: bytes[start] == UInt8(ascii: ">"))
        var i = start + 1
        var sawChomping = false
        while i < end, bytes[i] != 0x20, bytes[i] != 0x09 {
            switch bytes[i] {
            case UInt8(ascii: "-") where !sawChomping: header.chomping = .strip; sawChomping = true
            case UInt8(ascii: "+") where !sawChomping: header.chomping = .keep; sawChomping = true
            case UInt8(ascii: "1")...UInt8(ascii: "9") where header.indentation == nil:
                header.indentation = Int(bytes[i] - UInt8(ascii: "0"))
            default:
                return nil
            }
            i += 1
        }
        let rest = bytes.trimmedStart(from: i, to: end)
        guard rest == end || bytes[rest] == UInt8(ascii: "#") else { return nil }
        return header
    }

    /// Decodes the block whose content lines start at `start` and end at the latest at `end`; returns its text
    /// and the index of the first line after it. O(length of the block).
    static func decode(
        _ bytes: UnsafeRawBufferPointer, _ header: Header, linesFrom start: Int, to end: Int
    ) -> (text: String, next: Int) {
        var lines: [(start: Int, end: Int)] = []  // content lines, indentation removed; start == end when blank
        var indentation = header.indentation
        var lineStart = start
        while lineStart < end {
            let lineEnd = min(bytes.lineEnd(from: lineStart), end)
            let contentEnd = bytes.trimmedEnd(from: lineStart, to: lineEnd)
            var spaces = 0
            while lineStart + spaces < contentEnd, bytes[lineStart + spaces] == 0x20 { spaces += 1 }
            if bytes.trimmedStart(from: lineStart, to: contentEnd) == contentEnd {
                lines.append((contentEnd, contentEnd))
            } else {
                if indentation == nil { indentation = spaces }
                guard let indentation, indentation > 0, spaces >= indentation else { break }
                lines.append((lineStart + indentation, lineEnd > contentEnd && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd))
            }
            lineStart = lineEnd + 1
        }
        // Trailing blank lines belong to the block only for chomping; a less-indented line ended it.
        let next = min(lineStart, end)
        let lastContent = lines.lastIndex { $0.start < $0.end }
        let trailingBlank = lines.count - 1 - (lastContent ?? -1)
        guard let lastContent else {
            return (header.chomping == .keep ? String(repeating: "\n", count: lines.count) : "", next)
        }
        var text = header.folded ? folded(bytes, lines[...lastContent]) : literal(bytes, lines[...lastContent])
        switch header.chomping {
        case .strip: break
        case .clip: text += "\n"
        case .keep: text += String(repeating: "\n", count: 1 + trailingBlank)
        }
        return (text, next)
    }

    /// Literal content: the lines joined by line breaks.
    private static func literal(_ bytes: UnsafeRawBufferPointer, _ lines: ArraySlice<(start: Int, end: Int)>) -> String {
        lines.map { bytes.text(from: $0.start, to: $0.end) }.joined(separator: "\n")
    }

    /// Folded content: see the type's comment.
    private static func folded(_ bytes: UnsafeRawBufferPointer, _ lines: ArraySlice<(start: Int, end: Int)>) -> String {
        var text = ""
        var blankLines = 0
        var previousIsPlain: Bool?  // nil before the first content line
        for line in lines {
            guard line.start < line.end else {
                blankLines += 1
                continue
            }
            let moreIndented = bytes[line.start] == 0x20 || bytes[line.start] == 0x09
            switch previousIsPlain {
            case nil: text += String(repeating: "\n", count: blankLines)
            case true? where !moreIndented: text += blankLines == 0 ? " " : String(repeating: "\n", count: blankLines)
            default: text += String(repeating: "\n", count: blankLines + 1)
            }
            text += bytes.text(from: line.start, to: line.end)
            previousIsPlain = !moreIndented
            blankLines = 0
        }
        return text
    }
}

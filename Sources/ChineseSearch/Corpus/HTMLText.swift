/// Turns an HTML body (or plain text) into plain text in one pass over its bytes.
///
/// - Tags vanish; block elements (see `HTMLTagKind`) become line breaks, so `车载空气<a>净化器</a>`
///   stays one run of text while `<p>a</p><p>b</p>` becomes two lines.
/// - `script` and `style` elements vanish with their contents (an unclosed one runs to the end, a self-closed
///   `<script … />` has none, unlike in HTML5, so that XHTML-style pages keep their text), and so do
///   `<!-- comments -->`, `<!DOCTYPE …>` and `<?…?>`.
/// - A `<![CDATA[ … ]]>` section's markers vanish and its contents are read like the rest of the body (feeds
///   wrap whole HTML articles in one).
/// - Character references are decoded: the HTML 4 names plus `&apos;` (with the `;`), decimal `&#22823;`
///   and hex `&#x5C0F;` (the `;` optional); code points that are not scalars become U+FFFD; unknown
///   names stay as written.
/// - A `<` that does not open a tag, and a tag, comment, declaration or CDATA section that is never closed,
///   stay as text, opener included, so that one stray `<!--` cannot swallow an article. Only `script` and
///   `style` differ (above): what follows an unclosed one is code, not text.
/// - Every line is trimmed of spaces, tabs, "\r", no-break spaces (U+00A0, `&nbsp;`) and ideographic spaces
///   (U+3000, the usual paragraph indent of Chinese text); blank lines are dropped, so lines are separated by one "\n".
///   Plain text without markup comes out line for line, apart from that trimming.
///
/// The output is never longer than the input, so it is written straight into the result string's storage.
enum HTMLText {
    /// The plain text of `html`, which must be valid UTF-8. O(n) with no allocation besides the result.
    static func plainText(_ html: UnsafeRawBufferPointer) -> String {
        convert(html).text
    }

    /// The plain text of `html` (valid UTF-8) and the text of its first closed `<title>` element, which is
    /// not part of the body: entities decoded, white space and line breaks collapsed to one space, trimmed;
    /// nil when there is none or it holds no text. An unclosed `<title>` vanishes like an inline tag, so the
    /// rest stays body text. O(n).
    static func convert(_ html: UnsafeRawBufferPointer) -> (text: String, title: String?) {
        guard !html.isEmpty else { return ("", nil) }
        var titleRange: Range<Int>?
        let text = String(unsafeUninitializedCapacity: html.count) { output in
            var converter = HTMLTextConverter(input: html, output: output)
            defer { titleRange = converter.titleRange }
            return converter.run()
        }
        guard let titleRange else { return (text, nil) }
        let title = plainText(UnsafeRawBufferPointer(rebasing: html[titleRange]))
            .split(separator: "\n").joined(separator: " ")
        return (text, title.isEmpty ? nil : title)
    }
}

/// The state of one HTML-to-text conversion: a read position in the input and a write position in the output.
private struct HTMLTextConverter {
    let input: UnsafeRawBufferPointer
    let output: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written to `output` so far.
    var written = 0
    /// True until the current output line has its first non-space byte: leading spaces are dropped.
    var atLineStart = true
    /// A line break seen but not yet written: it is written before the next text, so runs of breaks
    /// collapse into one and a break at the end of the text is never written.
    var pendingBreak = false
    /// The contents of the first closed `<title>` element.
    var titleRange: Range<Int>?
    /// True while the contents of a CDATA section are converted: sections do not nest.
    var inCDATA = false
    /// True once a search for `-->` reached the end of the input: no later comment is closed either.
    var noCommentEnd = false
    /// True once a search for `]]>` reached the end of the input.
    var noCDATAEnd = false

    /// The last indices of `>`, `"` and `'` in the input (-1 when absent): past them no tag can close.
    let lastIndex: (greaterThan: Int, doubleQuote: Int, singleQuote: Int)
    /// True once a search for `</title` reached the end of the input.
    var noTitleEnd = false

    init(input: UnsafeRawBufferPointer, output: UnsafeMutableBufferPointer<UInt8>) {
        self.input = input
        self.output = output
        func last(_ byte: UInt8) -> Int {
            var i = input.count - 1
            while i >= 0 && input[i] != byte { i -= 1 }
            return i
        }
        lastIndex = (last(UInt8(ascii: ">")), last(UInt8(ascii: "\"")), last(UInt8(ascii: "'")))
    }

    /// Converts the whole input and returns the number of bytes written.
    mutating func run() -> Int {
        _ = convert(from: 0, to: input.count)
        endLine()
        return written
    }

    /// Converts the input from `start` up to `end` (a markup construct that starts before `end` may run past
    /// it) and returns the index where it stopped.
    private mutating func convert(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            let byte = input[i]
            if Self.isPlain(byte) {
                let start = i
                i += 1
                while i < end, Self.isPlain(input[i]) { i += 1 }
                writeText(from: start, to: i)
            } else if byte == UInt8(ascii: "<") {
                i = markup(at: i)
            } else if byte == UInt8(ascii: "&") {
                i = characterReference(at: i)
            } else {
                writeWhitespace(byte)
                i += 1
            }
        }
        return i
    }

    /// True for bytes copied as they are: everything except `<`, `&`, "\n" and the other whitespace.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x20 ? byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") : !(byte == 0x20 || (0x09...0x0D).contains(byte))
    }

    // MARK: Writing

    /// Writes the input bytes `start..<end`, which hold no ASCII whitespace, `<` or `&`;
    /// at the start of a line, leading wide spaces are dropped.
    @inline(__always)
    private mutating func writeText(from start: Int, to end: Int) {
        var start = start
        if atLineStart {
            while start < end, let width = Self.wideSpaceWidth(startingAt: start, in: input) { start += width }
            guard start < end else { return }
        }
        beginText()
        let length = end - start
        precondition(written + length <= output.count, "HTMLText: output longer than input")
        UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: input.baseAddress! + start, byteCount: length)
        written += length
    }

    /// Writes one byte of decoded text: whitespace is handled as in the source, anything else as text.
    @inline(__always)
    private mutating func writeDecoded(_ byte: UInt8) {
        if byte == 0x0A || ASCII.isSpace(byte) {
            writeWhitespace(byte)
        } else {
            beginText()
            put(byte)
        }
    }

    /// A whitespace byte: "\n" ends the line; other whitespace is kept unless it leads a line.
    @inline(__always)
    private mutating func writeWhitespace(_ byte: UInt8) {
        if byte == 0x0A {
            endLine()
        } else if !atLineStart {
            put(byte)
        }
    }

    /// Writes a pending line break before text that starts a new line.
    @inline(__always)
    private mutating func beginText() {
        if pendingBreak {
            if written > 0 { put(0x0A) }
            pendingBreak = false
        }
        atLineStart = false
    }

    /// Writes one decoded scalar: like source text, except that a wide space at the start of a line is dropped.
    private mutating func writeDecoded(scalar: UInt32) {
        if atLineStart && (scalar == 0xA0 || scalar == 0x3000) { return }
        UTF8Encoding.encode(scalar) { writeDecoded($0) }
    }

    /// Ends the current line: drops its trailing whitespace and marks a break as pending.
    private mutating func endLine() {
        while written > 0 {
            if ASCII.isSpace(output[written - 1]) {
                written -= 1
            } else if written >= 2, output[written - 2] == 0xC2, output[written - 1] == 0xA0 {  // U+00A0
                written -= 2
            } else if written >= 3, output[written - 3] == 0xE3, output[written - 2] == 0x80, output[written - 1] == 0x80 {  // U+3000
                written -= 3
            } else {
                break
            }
        }
        pendingBreak = true
        atLineStart = true
    }

    /// The byte length of the U+00A0 (C2 A0) or U+3000 (E3 80 80) at `index` of `bytes`, or nil when neither is there.
    /// Both start with a lead byte, so a match can never be the tail of another character (the same holds when
    /// `endLine` matches them backwards).
    @inline(__always)
    private static func wideSpaceWidth(startingAt index: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        if index + 2 <= bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { return 2 }
        if index + 3 <= bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        return nil
    }

    /// Appends one byte to the output.
    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        precondition(written < output.count, "HTMLText: output longer than input")
        output[written] = byte
        written += 1
    }

    // MARK: Markup

    /// Handles the `<` at `start`: skips a tag, comment or declaration (writing a break for a block
    /// element) or writes the `<` as text. Returns the index to continue from.
    private mutating func markup(at start: Int) -> Int {
        let next = start + 1 < input.count ? input[start + 1] : 0
        if ASCII.isLetter(next) {
            return tag(nameStart: start + 1, closing: false, start: start)
        }
        if next == UInt8(ascii: "/"), start + 2 < input.count, ASCII.isLetter(input[start + 2]) {
            return tag(nameStart: start + 2, closing: true, start: start)
        }
        if next == UInt8(ascii: "!"), opensCDATA(at: start) {
            guard !inCDATA, let close = endOfCDATA(from: start + Self.cdataOpener.count) else {
                writeDecoded(UInt8(ascii: "<"))
                return start + 1
            }
            inCDATA = true
            defer { inCDATA = false }
            return max(convert(from: start + Self.cdataOpener.count, to: close), close + 3)
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            let end: Int?
            if isComment(at: start) {
                end = endOfComment(from: start + 4)
            } else {
                end = input.firstIndex(of: UInt8(ascii: ">"), from: start + 2, to: input.count).map { $0 + 1 }
            }
            if let end { return end }
        }
        writeDecoded(UInt8(ascii: "<"))
        return start + 1
    }

    /// Skips the start or end tag whose name begins at `nameStart`; `start` is its `<`.
    private mutating func tag(nameStart: Int, closing: Bool, start: Int) -> Int {
        var nameEnd = nameStart
        while nameEnd < input.count, Self.isNameByte(input[nameEnd]) { nameEnd += 1 }
        guard let close = endOfTag(from: nameEnd) else {
            writeDecoded(UInt8(ascii: "<"))
            return start + 1
        }
        let name = UnsafeRawBufferPointer(rebasing: input[nameStart..<nameEnd])
        switch HTMLTagKind.of(name) {
        case .block:
            endLine()
        case .rawText where !closing && input[close - 1] != UInt8(ascii: "/"):  // `<script src=x />` has no contents
            return endOfRawText(named: name, from: close + 1)?.next ?? input.count
        case .title where !closing && !noTitleEnd && input[close - 1] != UInt8(ascii: "/"):
            guard let end = endOfRawText(named: name, from: close + 1) else {  // unclosed: an inline tag
                noTitleEnd = true  // and so is every later one
                break
            }
            if titleRange == nil { titleRange = close + 1..<end.contents }
            return end.next
        case .rawText, .title, .inline:
            break
        }
        return close + 1
    }

    /// True for bytes that continue an element name: letters, digits, `-`, `_`, `:` and `.`.
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// The index of the `>` that closes a tag whose attributes start at `start`, skipping `>` inside
    /// quoted attribute values (`title="a>b"`); nil when the tag is never closed.
    ///
    /// Where no `>` (or no closing quote) is left after `start`, it answers nil without scanning, so many unclosed
    /// tags cost O(n) in all.
    private func endOfTag(from start: Int) -> Int? {
        guard start <= lastIndex.greaterThan else { return nil }
        var i = start
        var afterEquals = false
        while i < input.count {
            let byte = input[i]
            switch byte {
            case UInt8(ascii: ">"):
                return i
            case UInt8(ascii: "="):
                afterEquals = true
            case UInt8(ascii: "\"") where afterEquals, UInt8(ascii: "'") where afterEquals:
                guard i < (byte == UInt8(ascii: "\"") ? lastIndex.doubleQuote : lastIndex.singleQuote),
                      let quote = input.firstIndex(of: byte, from: i + 1, to: input.count) else { return nil }
                i = quote
                afterEquals = false
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                break
            default:
                afterEquals = false
            }
            i += 1
        }
        return nil
    }

    /// True when a comment opener `<!--` starts at `start`.
    private func isComment(at start: Int) -> Bool {
        start + 4 <= input.count && input[start + 1] == UInt8(ascii: "!")
            && input[start + 2] == UInt8(ascii: "-") && input[start + 3] == UInt8(ascii: "-")
    }

    /// `<![CDATA[`, the opener of a CDATA section.
    private static let cdataOpener = Array("<![CDATA[".utf8)

    /// True when `<![CDATA[` starts at `start`.
    private func opensCDATA(at start: Int) -> Bool {
        let opener = Self.cdataOpener
        return start + opener.count <= input.count && (0..<opener.count).allSatisfy { input[start + $0] == opener[$0] }
    }

    /// The index of the first `]]>` at or after `start`; nil when there is none. Once a search fails, later ones
    /// (which start further on) fail at once, so many unclosed openers cost O(n) in all.
    private mutating func endOfCDATA(from start: Int) -> Int? {
        guard !noCDATAEnd else { return nil }
        var i = start
        while let bracket = input.firstIndex(of: UInt8(ascii: "]"), from: i, to: input.count) {
            if bracket + 2 < input.count, input[bracket + 1] == UInt8(ascii: "]"), input[bracket + 2] == UInt8(ascii: ">") {
                return bracket
            }
            i = bracket + 1
        }
        noCDATAEnd = true
        return nil
    }

    /// The index just past the `-->` that closes a comment whose text starts at `start`; nil when unclosed.
    /// Once a search fails, later ones fail at once (as for CDATA).
    private mutating func endOfComment(from start: Int) -> Int? {
        guard !noCommentEnd else { return nil }
        var i = start
        while let dash = input.firstIndex(of: UInt8(ascii: "-"), from: i, to: input.count) {
            if dash + 2 < input.count, input[dash + 1] == UInt8(ascii: "-"), input[dash + 2] == UInt8(ascii: ">") {
                return dash + 3
            }
            i = dash + 1
        }
        noCommentEnd = true
        return nil
    }

    /// Where the contents of a `script`, `style` or `title` element named `name` that start at `start` end
    /// (the `<` of the closing tag, matched case-insensitively) and the index just past that tag (the end of
    /// the input when the tag's `>` is missing); nil when the element is never closed.
    private func endOfRawText(named name: UnsafeRawBufferPointer, from start: Int) -> (contents: Int, next: Int)? {
        var i = start
        while let open = input.firstIndex(of: UInt8(ascii: "<"), from: i, to: input.count) {
            i = open + 1
            let nameStart = open + 2
            let nameEnd = nameStart + name.count
            guard nameEnd <= input.count, input[open + 1] == UInt8(ascii: "/") else { continue }
            guard (0..<name.count).allSatisfy({ ASCII.lowercased(input[nameStart + $0]) == ASCII.lowercased(name[$0]) }),
                  nameEnd == input.count || !Self.isNameByte(input[nameEnd]) else { continue }
            return (open, endOfTag(from: nameEnd).map { $0 + 1 } ?? input.count)
        }
        return nil
    }

    // MARK: Character references

    /// Decodes the character reference at the `&` at `start`, or writes the `&` as text when none is there.
    /// Returns the index to continue from.
    private mutating func characterReference(at start: Int) -> Int {
        if start + 1 < input.count, input[start + 1] == UInt8(ascii: "#") {
            if let (scalar, end) = numericReference(from: start + 2) {
                writeDecoded(scalar: scalar)
                return end
            }
        } else if let (scalar, end) = namedReference(from: start + 1) {
            writeDecoded(scalar: scalar)
            return end
        }
        writeDecoded(UInt8(ascii: "&"))
        return start + 1
    }

    /// A `&#…` reference whose digits (after `#`) start at `start`: decimal, or hex after `x`/`X`, with an
    /// optional `;`. Values that are not Unicode scalars (0, surrogates, above U+10FFFF) give U+FFFD.
    private func numericReference(from start: Int) -> (UInt32, Int)? {
        var i = start
        let hex = i < input.count && (input[i] | 0x20) == UInt8(ascii: "x")
        if hex { i += 1 }
        let digitsStart = i
        var value: UInt32 = 0
        while i < input.count {
            let digit: UInt32
            if hex {
                guard let hexValue = ASCII.hexDigit(input[i]) else { break }
                digit = hexValue
            } else {
                guard input[i] >= UInt8(ascii: "0"), input[i] <= UInt8(ascii: "9") else { break }
                digit = UInt32(input[i] - UInt8(ascii: "0"))
            }
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)  // saturate: anything larger is invalid anyway
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < input.count, input[i] == UInt8(ascii: ";") { i += 1 }
        return (value == 0 ? UTF8Encoding.replacement : value, i)
    }

    /// A named reference such as `&nbsp;` whose name starts at `start`; the `;` is required.
    private func namedReference(from start: Int) -> (UInt32, Int)? {
        var end = start
        while end < input.count, end - start <= 8, ASCII.isLetterOrDigit(input[end]) { end += 1 }
        guard end > start, end < input.count, input[end] == UInt8(ascii: ";"),
              let scalar = HTMLEntities.scalar(named: UnsafeRawBufferPointer(rebasing: input[start..<end])) else { return nil }
        return (scalar, end + 1)
    }
}

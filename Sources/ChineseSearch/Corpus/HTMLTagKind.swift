/// What a tag does to the plain text of a body.
enum HTMLTagKind {
    /// A block element (`p`, `div`, `br`, `li`, `h1`, …): the tag becomes a line break.
    case block
    /// Any other element (`a`, `span`, `strong`, `img`, unknown names): the tag vanishes, its text joins its neighbours.
    case inline
    /// `script` or `style`: the tag and everything up to its closing tag vanish.
    case rawText
    /// `title`: its text is the document's title (`HTMLText.convert`), not body text.
    case title

    /// The kind of the element named `name` (ASCII, any case). O(number of block names), no allocation.
    static func of(_ name: UnsafeRawBufferPointer) -> HTMLTagKind {
        guard let key = PackedName(name) else { return .inline }
        if key == script || key == style { return .rawText }
        if key == titleName { return .title }
        return blockNames.contains(key) ? .block : .inline
    }

    /// Elements rendered as blocks; each of their tags, opening or closing, ends a line.
    private static let blockNames: [PackedName] = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "tr", "td", "th", "caption", "section", "article", "blockquote", "pre", "hr",
        "header", "footer", "nav", "aside", "main", "figure", "figcaption", "dl", "dt", "dd", "address",
    ].map { PackedName(Array($0.utf8).withUnsafeBytes { $0 })! }

    private static let script = PackedName(Array("script".utf8).withUnsafeBytes { $0 })!
    private static let style = PackedName(Array("style".utf8).withUnsafeBytes { $0 })!
    private static let titleName = PackedName(Array("title".utf8).withUnsafeBytes { $0 })!
}

/// An element name of up to 16 ASCII bytes, lowercased and packed into two integers for cheap comparison.
private struct PackedName: Equatable {
    private var first: UInt64 = 0
    private var second: UInt64 = 0

    /// Packs `name`; nil when it is longer than 16 bytes (no element of interest is).
    init?(_ name: UnsafeRawBufferPointer) {
        guard name.count <= 16 else { return nil }
        for (i, byte) in name.enumerated() {
            let shifted = UInt64(ASCII.lowercased(byte)) << (8 * UInt64(i % 8))
            if i < 8 { first |= shifted } else { second |= shifted }
        }
    }
}

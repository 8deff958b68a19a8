/// A one-line extract of a document with the matched text marked.
///
/// The highlights are kept as UTF-8 byte ranges (`highlights`) and offered as `String.Index` ranges
/// (`highlightRanges`) and as Unicode scalar offsets (`highlightScalarOffsets`, what the JSON carries, the
/// same unit as a Python `str` index and as `search analyze`'s offsets).
///
/// Its own `Codable` form is `{"text": …, "highlights": [[start, end], …]}` in Unicode scalar offsets.
public struct Snippet: Sendable, Hashable, Codable {
    /// The extract, new lines replaced by spaces, "…" where it was cut.
    public var text: String
    /// The matched spans, as UTF-8 byte ranges of `text`, ascending and disjoint.
    public var highlights: [Range<Int>]

    /// A snippet from its text and its highlights as UTF-8 byte ranges of `text`.
    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// A snippet from its text and its highlights as Unicode scalar offsets into `text`, or nil when the
    /// offsets are not ascending, disjoint and inside the text.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init?(text: String, highlightScalarOffsets offsets: [Range<Int>]) {
        // UTF-8 offset of every scalar boundary: entry i is where scalar i starts; the last entry is the end.
        var starts: [Int] = [0]
        starts.reserveCapacity(text.unicodeScalars.count + 1)
        for u in text.unicodeScalars { starts.append(starts[starts.count - 1] + UTF8.width(u)) }
        var previousEnd = 0
        var bytes: [Range<Int>] = []
        for r in offsets {
            guard r.lowerBound >= previousEnd, r.upperBound < starts.count else { return nil }
            bytes.append(starts[r.lowerBound]..<starts[r.upperBound])
            previousEnd = r.upperBound
        }
        self.init(text: text, highlights: bytes)
    }

    /// The highlights as ranges of `text`'s indices, e.g. for `text[range]` or an `AttributedString`.
    /// Byte ranges that do not fall on character boundaries of `text` are left out.
    public var highlightRanges: [Range<String.Index>] {
        let utf8 = text.utf8
        return highlights.compactMap { h in
            guard h.lowerBound >= 0, h.upperBound <= utf8.count else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: h.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: h.upperBound)
            guard lower.samePosition(in: text.unicodeScalars) != nil, upper.samePosition(in: text.unicodeScalars) != nil
            else { return nil }
            return lower..<upper
        }
    }

    /// The highlights as Unicode scalar offsets into `text`, end exclusive (what `search query --json` carries).
    ///
    /// - Complexity: O(n) in the length of `text`.
    public var highlightScalarOffsets: [Range<Int>] {
        // By UTF-8 offset: the number of scalars before it where a scalar boundary is, else -1 (a flat table,
        // not a dictionary: the JSON of every hit with a snippet asks for this).
        var scalarAt = [Int](repeating: -1, count: text.utf8.count + 1)
        scalarAt[0] = 0
        var byte = 0, scalar = 0
        for u in text.unicodeScalars {
            byte += UTF8.width(u)
            scalar += 1
            scalarAt[byte] = scalar
        }
        func offset(_ b: Int) -> Int? { b >= 0 && b < scalarAt.count && scalarAt[b] >= 0 ? scalarAt[b] : nil }
        return highlights.compactMap { h in
            guard let lower = offset(h.lowerBound), let upper = offset(h.upperBound) else { return nil }
            return lower..<upper
        }
    }

    enum CodingKeys: String, CodingKey { case text, highlights }

    /// Decodes `{"text": …, "highlights": [[start, end], …]}` (Unicode scalar offsets).
    ///
    /// - Throws: `DecodingError` when a key is missing or the highlights do not fit the text.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .text)
        guard let s = Snippet(text: text, highlightScalarOffsets: try c.decode([Range<Int>].self, forKey: .highlights)) else {
            throw DecodingError.dataCorruptedError(forKey: .highlights, in: c,
                                                   debugDescription: "highlights must be ascending, disjoint and inside the text")
        }
        self = s
    }

    /// Encodes `{"text": …, "highlights": [[start, end], …]}` (Unicode scalar offsets).
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(highlightScalarOffsets, forKey: .highlights)
    }
}

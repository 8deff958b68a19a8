/// One token as a value, for tests, query display and debugging; the index itself uses `TokenSink`.
public struct AnalyzedToken: Sendable, Equatable {
    /// The normalized token text: two characters for a bigram, one for a run-end token, the folded word for a word.
    public var text: String
    /// Bigram, run-end or word.
    public var kind: TokenKind
    /// The token's position in the stream.
    public var position: Int
    /// UTF-8 byte offsets of the token's source in the text as given, end exclusive.
    public var utf8Range: Range<Int>
    /// Unicode scalar offsets of the token's source in the text as given, end exclusive.
    public var scalarRange: Range<Int>
    /// The CJK term key (`CJKKey`), nil for words.
    public var key: UInt64?

    /// A token from its parts.
    public init(text: String, kind: TokenKind, position: Int, utf8Range: Range<Int>, scalarRange: Range<Int>, key: UInt64?) {
        self.text = text
        self.kind = kind
        self.position = position
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
        self.key = key
    }
}

extension Analyzer {
    /// The tokens of `text` as values, positions from 0. Allocates per token: for tests, queries and tools,
    /// not for indexing (use `tokenize`).
    public func tokens(of text: String) -> [AnalyzedToken] {
        let utf8 = Array(text.utf8)
        // scalarOffset[b] = number of scalars that start before byte b.
        var scalarOffset = [Int](repeating: 0, count: utf8.count + 1)
        for (index, byte) in utf8.enumerated() {
            scalarOffset[index + 1] = scalarOffset[index] + (byte & 0xC0 == 0x80 ? 0 : 1)
        }
        var collector = TokenCollector(scalarOffset: scalarOffset)
        utf8.withUnsafeBufferPointer { buffer in
            _ = tokenize(buffer, into: &collector)
        }
        return collector.tokens
    }
}

/// Collects tokens as `AnalyzedToken` values.
private struct TokenCollector: TokenSink {
    let scalarOffset: [Int]
    var tokens: [AnalyzedToken] = []

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        let second = CJKKey.second(key)
        var text = String(Unicode.Scalar(CJKKey.first(key))!)
        if second != 0 { text.unicodeScalars.append(Unicode.Scalar(second)!) }
        tokens.append(AnalyzedToken(text: text, kind: second == 0 ? .end : .bigram, position: position,
                                    utf8Range: start..<end, scalarRange: scalarOffset[start]..<scalarOffset[end], key: key))
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        tokens.append(AnalyzedToken(text: String(decoding: normalized, as: UTF8.self), kind: .word, position: position,
                                    utf8Range: start..<end, scalarRange: scalarOffset[start]..<scalarOffset[end], key: nil))
    }
}

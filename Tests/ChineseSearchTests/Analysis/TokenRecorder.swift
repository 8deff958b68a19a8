import ChineseSearch

/// A sink that records tokens of raw bytes as values (`scalarRange` left empty), to compare with the reference.
struct TokenRecorder: TokenSink {
    var tokens: [AnalyzedToken] = []

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        let second = CJKKey.second(key)
        var text = String(Unicode.Scalar(CJKKey.first(key))!)
        if second != 0 { text.unicodeScalars.append(Unicode.Scalar(second)!) }
        tokens.append(AnalyzedToken(text: text, kind: second == 0 ? .end : .bigram, position: position,
                                    utf8Range: start..<end, scalarRange: 0..<0, key: key))
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        tokens.append(AnalyzedToken(text: String(decoding: normalized, as: UTF8.self), kind: .word, position: position,
                                    utf8Range: start..<end, scalarRange: 0..<0, key: nil))
    }

    /// The tokens `Analyzer.tokenize` gives for `bytes`, and the position it returns.
    static func tokens(of bytes: [UInt8], firstPosition: Int = 0) -> (tokens: [AnalyzedToken], next: Int) {
        var recorder = TokenRecorder()
        let next = bytes.withUnsafeBufferPointer { Analyzer().tokenize($0, firstPosition: firstPosition, into: &recorder) }
        return (recorder.tokens, next)
    }
}

/// The distinct terms of one stored document, as the decrements its deletion takes from its segment's
/// document frequencies.
///
/// The document's stored text is tokenized again exactly as the build tokenized it; a term counts for the
/// title field when one of its occurrences stands among the first `titleTokens` positions. Not a hot path:
/// it runs once per deleted document.
struct DocumentTerms: TokenSink {
    /// Per CJK key, per word: whether an occurrence is in the title.
    private var cjk: [UInt64: Bool] = [:]
    private var words: [[UInt8]: Bool] = [:]
    private let titleTokens: Int

    private init(titleTokens: Int) { self.titleTokens = titleTokens }

    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        cjk[key] = (cjk[key] ?? false) || position < titleTokens
    }

    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        let key = Array(normalized)
        words[key] = (words[key] ?? false) || position < titleTokens
    }

    /// The decrements of deleting `doc` from the segment `reader`, sorted by ordinal; nil when its stored text
    /// does not decode or a term of the document is missing from the dictionary (a damaged segment).
    static func decrements(of doc: Int, in reader: IndexReader) -> [SegmentDeletions.Decrement]? {
        var sink = DocumentTerms(titleTokens: Int(reader.titleLength(UInt32(doc))))
        guard let stored = reader.storedText(doc) else { return nil }
        _ = stored.withUnsafeBufferPointer { Analyzer().tokenize($0, firstPosition: 0, into: &sink) }
        var byOrdinal: [UInt32: (text: UInt32, title: UInt32)] = [:]
        var characters: [UInt32: Bool] = [:]
        for (key, inTitle) in sink.cjk {
            guard let t = reader.cjkIndex(of: key) else { return nil }
            byOrdinal[UInt32(reader.ordinal(ofCJK: t))] = (1, inTitle ? 1 : 0)
            let c = CJKKey.first(key)
            characters[c] = (characters[c] ?? false) || inTitle
        }
        for (word, inTitle) in sink.words {
            guard let w = word.withUnsafeBytes({ reader.wordIndex($0) }) else { return nil }
            byOrdinal[UInt32(reader.ordinal(ofWord: w))] = (1, inTitle ? 1 : 0)
        }
        for (c, inTitle) in characters {
            guard let i = reader.charIndex(of: c) else { return nil }
            byOrdinal[UInt32(reader.ordinal(ofCharacter: i))] = (1, inTitle ? 1 : 0)
        }
        return byOrdinal.keys.sorted().map { SegmentDeletions.Decrement(ordinal: $0, text: byOrdinal[$0]!.text, title: byOrdinal[$0]!.title) }
    }
}

/// Turns the stream of normalized scalars (as `FoldingTable` entries, each with its source byte range) into tokens:
/// CJK runs into bigrams and a run-end token, word runs into one word token each.
///
/// A CJK character is held back until the next scalar arrives, because that scalar may still compose with it
/// (か + ゙ → が); so the bigram (c₁, c₂) goes out when c₃ or the end of the run is seen.
struct TokenAssembler {
    /// The position of the next token.
    var position: Int

    /// Characters in the current CJK run so far (0: no run).
    private var cjkLength = 0
    private var previous: UInt32 = 0
    private var previousStart = 0
    private var current: UInt32 = 0
    private var currentStart = 0
    private var currentEnd = 0

    private var inWord = false
    /// Whether the word contains a composing scalar, so that only NFKC of the whole word (Foundation's ICU
    /// transform) gives its normal form.
    private var wordNeedsComposition = false
    private var wordStart = 0
    private var wordEnd = 0
    var word: WordBuffer

    init(position: Int, word: WordBuffer) {
        self.position = position
        self.word = word
    }

    /// Feeds one source scalar's entry (single or sequence) covering source bytes `start..<end`.
    @inline(__always)
    mutating func feed<S: TokenSink>(entry: UInt32, start: Int, end: Int, into sink: inout S) {
        if entry & FoldingTable.sequenceFlag == 0 {
            feedSingle(entry: entry, start: start, end: end, into: &sink)
        } else {
            feedSequence(entry: entry, start: start, end: end, into: &sink)
        }
    }

    @inline(never)
    private mutating func feedSequence<S: TokenSink>(entry: UInt32, start: Int, end: Int, into sink: inout S) {
        for index in FoldingTable.sequenceRange(entry) {
            feedSingle(entry: FoldingTable.sequenceEntry(index), start: start, end: end, into: &sink)
        }
    }

    /// Feeds one normalized scalar.
    @inline(__always)
    private mutating func feedSingle<S: TokenSink>(entry: UInt32, start: Int, end: Int, into sink: inout S) {
        let value = entry & FoldingTable.scalarMask
        if entry & FoldingTable.composingFlag != 0 && cjkLength > 0, let composite = FoldingTable.compose(current, value) {
            current = composite
            currentEnd = end
            return
        }
        switch entry >> FoldingTable.classShift & 3 {
        case ScalarClass.cjk.rawValue:
            if inWord { endWord(into: &sink) }
            cjk(value, start: start, end: end, into: &sink)
        case ScalarClass.word.rawValue:
            if cjkLength > 0 { endCJKRun(into: &sink) }
            if !inWord {
                inWord = true
                wordStart = start
            }
            if entry & FoldingTable.composingFlag != 0 { wordNeedsComposition = true }
            word.append(scalar: value)
            wordEnd = end
        case ScalarClass.mark.rawValue where inWord:
            if entry & FoldingTable.composingFlag != 0 { wordNeedsComposition = true }
            word.append(scalar: value)
            wordEnd = end
        default:
            separator(into: &sink)
        }
    }

    /// Reads a run of ASCII letters and digits starting at `start`, which must be one: appends it lowercased to the
    /// current word (starting one, and ending a CJK run, if needed) and returns the offset after it. `ascii` is
    /// `FoldingTable.asciiFolds`, fetched once by the caller.
    @inline(__always)
    mutating func asciiWord<S: TokenSink>(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int,
                                          ascii: UnsafePointer<UInt8>, into sink: inout S) -> Int {
        if cjkLength > 0 { endCJKRun(into: &sink) }
        if !inWord {
            inWord = true
            wordStart = start
        }
        var i = start
        var folded = ascii[Int(p[i])]
        repeat {
            word.append(byte: folded)
            i += 1
            if i == n { break }
            folded = ascii[Int(p[i])]
        } while folded &- 1 < 0x7E   // 1...0x7E: a folded ASCII letter or digit (0x7F: a byte ≥ 0x80)
        wordEnd = i
        return i
    }

    /// Feeds a normalized CJK scalar that composes with nothing before it (see `FoldingTable.kindMask`).
    @inline(__always)
    mutating func plainCJK<S: TokenSink>(_ value: UInt32, start: Int, end: Int, into sink: inout S) {
        if inWord { endWord(into: &sink) }
        cjk(value, start: start, end: end, into: &sink)
    }

    /// Feeds a CJK scalar.
    @inline(__always)
    private mutating func cjk<S: TokenSink>(_ value: UInt32, start: Int, end: Int, into sink: inout S) {
        if cjkLength > 1 {
            sink.cjk(key: CJKKey.make(previous, current), position: position, start: previousStart, end: currentEnd)
            position += 1
        }
        previous = current
        previousStart = currentStart
        current = value
        currentStart = start
        currentEnd = end
        cjkLength += 1
    }

    /// Ends the current runs: a separator, or the end of the text.
    @inline(__always)
    mutating func separator<S: TokenSink>(into sink: inout S) {
        if cjkLength > 0 { endCJKRun(into: &sink) }
        if inWord { endWord(into: &sink) }
    }

    private mutating func endCJKRun<S: TokenSink>(into sink: inout S) {
        if cjkLength > 1 {
            sink.cjk(key: CJKKey.make(previous, current), position: position, start: previousStart, end: currentEnd)
            position += 1
        }
        sink.cjk(key: CJKKey.make(current, 0), position: position, start: currentStart, end: currentEnd)
        position += 1
        cjkLength = 0
    }

    private mutating func endWord<S: TokenSink>(into sink: inout S) {
        if wordNeedsComposition {
            let composed = composeWord(word.bytes)
            composed.withUnsafeBufferPointer { sink.word($0, position: position, start: wordStart, end: wordEnd) }
            wordNeedsComposition = false
        } else {
            sink.word(word.bytes, position: position, start: wordStart, end: wordEnd)
        }
        position += 1
        word.removeAll()
        inWord = false
    }

    /// The slow path for words with combining marks (e + ◌́ → é): the table's `normalizedText`, which composes
    /// by NFKC and folds again.
    @inline(never)
    private func composeWord(_ folded: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(FoldingTable.normalizedText(String(decoding: folded, as: UTF8.self)).utf8)
    }
}

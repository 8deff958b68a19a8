/// Splits text into the bigram token stream that the index stores and queries look up.
///
/// The chain, in order (each step sees the output of the one before):
/// 1. decode UTF-8; an invalid byte is U+FFFD, a separator;
/// 2. fold each scalar by table: NFKC (ＡＢ１ → ab1, ㈠ → (一)), lowercase, traditional → simplified (國 → 国);
///    kana + voicing mark and Hangul LV + T compose as NFC would; a word with combining marks goes through
///    Foundation's NFKC as a whole (e + ◌́ → é), which CJK text never needs;
/// 3. classify each normalized scalar: CJK, word (letters and digits), mark (inside a word), or separator;
/// 4. each maximal CJK run c₁…cₙ gives the bigrams (c₁,c₂)…(cₙ₋₁,cₙ) and then the run-end token (cₙ,∎) — n tokens
///    for n characters, so a lone character is still findable; each maximal word run gives one word token.
///
/// Where this differs from NFKC of the whole text, on purpose: a mark after a CJK character that does not compose
/// with it is a separator (中◌́ → 中∎), with no canonical reordering first (か◌́◌゙ → か∎, not が); Hangul jamo that
/// are not precomposed stay a word, which NFKC may compose into syllables (가 → word 가). All are rare in Chinese
/// text, and the reference tokenizer in the tests follows the same rules.
///
/// Positions count up by one per token. Byte ranges point into the text as given: a bigram covers both characters,
/// a run-end token its character, a word its run. `Analyzer` is immutable and safe to use from many threads.
public struct Analyzer: Sendable {
    /// An analyzer. Costs nothing, the first of a process too: its tables are constants of the binary.
    public init() {}

    /// Tokenizes UTF-8 `text` into `sink`, numbering tokens from `firstPosition`; returns the next free position.
    ///
    /// Public on purpose: this is the zero-allocation entry point for callers that tokenize a lot of text
    /// (the benchmark measures it); `tokens(of:)` is the convenient one. `text` is read only during the call.
    ///
    /// - Parameters:
    ///   - text: UTF-8 bytes; invalid sequences become U+FFFD, a separator.
    ///   - firstPosition: The position of the first token.
    ///   - sink: Receives every token, in order.
    /// - Returns: The position after the last token.
    /// - Complexity: O(n) in the text's length. No heap allocation per token: word bytes live in a stack buffer owned by the
    /// call, which moves to the heap only for words longer than 1 KiB; words with combining marks allocate.
    public func tokenize<S: TokenSink>(_ text: UnsafeBufferPointer<UInt8>, firstPosition: Int = 0, into sink: inout S) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { stack in
            var assembler = TokenAssembler(position: firstPosition, word: WordBuffer(initial: stack))
            defer { assembler.word.release() }
            if let base = text.baseAddress {
                scan(base, count: text.count, assembler: &assembler, sink: &sink)
            }
            assembler.separator(into: &sink)
            return assembler.position
        }
    }

    /// The decoding loop: one scalar per step, validated as the Unicode standard's UTF-8 table requires
    /// (no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequences).
    private func scan<S: TokenSink>(_ p: UnsafePointer<UInt8>, count n: Int, assembler: inout TokenAssembler, sink: inout S) {
        let bmp = FoldingTable.bmp
        let plainCJK = FoldingTable.plainCJKUnit
        let ascii = FoldingTable.asciiFolds
        var i = 0
        while i < n {
            let byte = p[i]
            if byte < 0x80 {
                // ASCII, a third of a typical Chinese web page: whole runs of word or separator bytes at once.
                if ascii[Int(byte)] != 0 {
                    i = assembler.asciiWord(p, from: i, count: n, ascii: ascii, into: &sink)
                } else {
                    assembler.separator(into: &sink)
                    i += 1
                    while i < n && ascii[Int(p[i])] == 0 { i += 1 }
                }
                continue
            }
            let b0 = UInt32(byte)
            var length = 0
            var value: UInt32 = 0
            if b0 < 0xE0 {
                if b0 >= 0xC2 && i + 1 < n {
                    let b1 = UInt32(p[i + 1])
                    if b1 & 0xC0 == 0x80 {
                        value = (b0 & 0x1F) << 6 | b1 & 0x3F
                        length = 2
                    }
                }
            } else if b0 < 0xF0 {
                // Most of Chinese text: both continuation checks in one compare, then overlong and surrogate.
                if i + 2 < n {
                    let c1 = UInt32(p[i + 1] ^ 0x80)
                    let c2 = UInt32(p[i + 2] ^ 0x80)
                    value = (b0 & 0x0F) << 12 | c1 << 6 | c2
                    if c1 | c2 < 0x40 && value >= 0x800 && value & 0xF800 != 0xD800 {
                        length = 3
                    }
                }
            } else if b0 < 0xF5 {
                if i + 3 < n {
                    let b1 = UInt32(p[i + 1])
                    let b2 = UInt32(p[i + 2])
                    let b3 = UInt32(p[i + 3])
                    value = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | b3 & 0x3F
                    if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 && value >= 0x1_0000 && value <= 0x10_FFFF {
                        length = 4
                    }
                }
            }
            if length == 0 {
                // Invalid: U+FFFD for this byte, a separator; the next byte starts afresh, so no valid scalar is lost.
                assembler.separator(into: &sink)
                i += 1
                continue
            }
            let entry: UInt32
            if length < 4 {
                let stored = bmp.stored(at: Int(value))
                if stored == plainCJK {
                    // Most of Chinese text: a CJK scalar that folds to itself, told by its unit as stored.
                    assembler.plainCJK(value, start: i, end: i + length, into: &sink)
                    i += length
                    continue
                }
                entry = FoldingTable.bmpEntry(stored: stored, of: value)
            } else {
                entry = FoldingTable.supplementaryEntry(value)
            }
            if entry & FoldingTable.kindMask == ScalarClass.cjk.entryBits {
                assembler.plainCJK(entry & FoldingTable.scalarMask, start: i, end: i + length, into: &sink)   // 國 → 国
            } else {
                assembler.feed(entry: entry, start: i, end: i + length, into: &sink)
            }
            i += length
        }
    }
}

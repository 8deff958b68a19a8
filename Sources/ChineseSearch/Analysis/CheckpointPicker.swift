/// Picks a text's token checkpoints while it is tokenized: byte offsets where `Analyzer.tokenize` may restart,
/// so that a snippet maps a token position to bytes without tokenizing from the start of the text.
///
/// A checkpoint (p, o) promises: tokenizing the text from byte `o` with `firstPosition: p` yields exactly the
/// tokens of the whole text's tokenization from position p on (keys, words, positions, byte ranges). The
/// analyzer carries state from scalar to scalar (a CJK character waits for the next to form a bigram, a word
/// grows, a mark composes with what precedes, one source scalar may fold to several), so not every token start
/// qualifies. Token t (start s) gives a checkpoint when
/// - every earlier token ends at or before s: the scalars before s (if any since the last token) are all
///   separators, so the state at s is a fresh one's; then any scalar start in [that end, s] qualifies, and the
///   checkpoint is placed `gapLead` bytes before s inside a long gap, so a window's lead is covered without
///   reading the gap; or
/// - token t − 1 is a bigram of the same CJK run and starts before s: s is the start of that bigram's second
///   character, whose source scalar then holds nothing that belongs to earlier tokens.
/// Tokens that share their start with the one before (several tokens folded from one scalar, ㍿ → 株式会社) and a
/// CJK token whose source scalar also ended a word (abc㏠ → abc1, 日) do not qualify.
///
/// One checkpoint is taken at the first qualifying token at least `tokenInterval` positions or
/// `byteInterval` bytes past the previous checkpoint (the text's start, (0, 0), is implicit and not recorded),
/// so a restart tokenizes at most about that much before the window it wants. O(1) per token, no allocation
/// but the checkpoint arrays.
struct CheckpointPicker {
    /// Tokens between checkpoints: a snippet tokenizes half of 128 tokens (about 200 bytes of Chinese text) before
    /// its window on average, for 8 bytes of index per 128 tokens (about 1% of the index; see FORMAT.md).
    static let defaultTokenInterval = 128
    /// Bytes between checkpoints, for texts whose tokens are long or sparse (long words, runs of punctuation).
    static let defaultByteInterval = 1024
    /// How far before its token a checkpoint inside a gap of separators is placed: more than a snippet's lead.
    static let gapLead = 256

    /// The spacing this picker keeps (the defaults above for an index; tests take every qualifying token).
    let tokenInterval: Int
    let byteInterval: Int
    /// The checkpoints so far, ascending in both.
    private(set) var positions: [UInt32] = []
    private(set) var offsets: [UInt32] = []
    private var lastPosition = 0
    private var lastOffset = 0
    private var previousStart = -1
    private var previousIsBigram = false
    private var maximumEnd = 0

    init(tokenInterval: Int = CheckpointPicker.defaultTokenInterval, byteInterval: Int = CheckpointPicker.defaultByteInterval) {
        self.tokenInterval = tokenInterval
        self.byteInterval = byteInterval
    }

    /// Starts a new text.
    mutating func reset() {
        positions.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        lastPosition = 0
        lastOffset = 0
        previousStart = -1
        previousIsBigram = false
        maximumEnd = 0
    }

    /// Sees the next token of the text (in order): its position, its byte range, and whether it is a bigram.
    @inline(__always)
    mutating func token(position: Int, start: Int, end: Int, bigram: Bool) {
        if position - lastPosition >= tokenInterval || start - lastOffset >= byteInterval {
            if maximumEnd <= start {
                record(position, max(maximumEnd, start - Self.gapLead))
            } else if previousIsBigram && start > previousStart {
                record(position, start)
            }
        }
        previousStart = start
        previousIsBigram = bigram
        maximumEnd = max(maximumEnd, end)
    }

    @inline(__always) private mutating func record(_ position: Int, _ offset: Int) {
        positions.append(UInt32(truncatingIfNeeded: position))
        offsets.append(UInt32(truncatingIfNeeded: offset))
        lastPosition = position
        lastOffset = offset
    }

    /// Ends the text: moves offsets placed inside a gap (which may fall inside a multi-byte scalar) to the next
    /// scalar start. O(checkpoints).
    mutating func finish(text: UnsafeBufferPointer<UInt8>) {
        for i in offsets.indices {
            offsets[i] = UInt32(Self.cut(UnsafeRawBufferPointer(text), atOrAfter: Int(offsets[i])))
        }
    }

    /// The first offset at or after `offset`, at most 3 bytes on, where no UTF-8 sequence of `text` is cut: a byte
    /// that is no continuation byte, or one after three continuation bytes (no sequence is longer than 4), or the end.
    ///
    /// Tokenizing `text[from ..< cut]` from a checkpoint then decodes every scalar before the cut as the whole
    /// text's tokenization does; it differs only in the tokens still open at the cut, all of which end exactly at
    /// the cut. So every token it yields that ends before the cut (all, when the cut is the end) is exact.
    static func cut(_ text: UnsafeRawBufferPointer, atOrAfter offset: Int) -> Int {
        var o = max(0, offset)
        var steps = 0
        while o < text.count && steps < 3 && text[o] & 0xC0 == 0x80 {
            o += 1
            steps += 1
        }
        return min(o, text.count)
    }
}

/// The marks at the start of a coded stored-text block (docs/FORMAT.md, "Stored text"): for every `interval`
/// bytes of the block's text, where the first symbol code beginning at or after them lies in the codes and in the
/// text, so a read of part of a block decodes its codes only from the mark before the part, not from the block's
/// start (LZ4 still runs from the start: it is about four times faster than the symbol stage).
///
/// ```
/// CodedBlock --> Mark^⌈length / interval⌉−1, LZ4Block(Codes)
/// Mark       --> codeOffset << 2 | (textOffset − k·interval)   u32   (mark k = 1, 2, …)
/// ```
/// A code takes at most 4 bytes of text, so the first one beginning at or after `k·interval` begins less than 4
/// bytes past it; past the text's last code, the mark is the end of the codes and of the text.
public struct StoredBlockMarks {
    /// Text bytes between marks: a read decodes the codes of at most this much text before the bytes it wants.
    public static let interval = 1024
    /// Bytes of one mark.
    public static let markSize = 4

    /// Marks of a coded block of `length` text bytes: one per `interval` bytes after the first.
    public static func count(length: Int) -> Int { max(0, (length + interval - 1) / interval - 1) }

    /// The marks' bytes (the block's first `count · markSize`).
    private let bytes: UnsafeRawBufferPointer
    /// The block's LZ4 block, after the marks.
    public let lz4: UnsafeRawBufferPointer
    /// Marks in the block.
    public let count: Int

    /// The marks of the coded block `stored` of `length` text bytes; nil when the block is too short to hold them.
    public init?(block stored: UnsafeRawBufferPointer, length: Int) {
        count = Self.count(length: length)
        guard stored.count >= count * Self.markSize else { return nil }
        bytes = UnsafeRawBufferPointer(rebasing: stored[0..<(count * Self.markSize)])
        lz4 = UnsafeRawBufferPointer(rebasing: stored[(count * Self.markSize)...])
    }

    /// Where mark `k` (0 ... count; 0 is the block's start) lies: an offset in the codes and one in the text.
    public func mark(_ k: Int) -> (code: Int, text: Int) {
        guard k > 0 else { return (0, 0) }
        let word = Int(bytes.u32Unchecked(at: (k - 1) * Self.markSize))
        return (word >> 2, k * Self.interval + word & 3)
    }

    /// The last mark at or before text offset `offset` (mark 0 when no other is). O(1).
    public func last(atOrBefore offset: Int) -> Int {
        var k = min(count, offset / Self.interval)
        while k > 0 && mark(k).text > offset { k -= 1 }
        return k
    }

    /// The first mark at or after text offset `offset`, nil when none is (the codes then run to the block's end).
    public func first(atOrAfter offset: Int) -> Int? {
        // Mark k's text offset is at least k·interval.
        let k = (offset + Self.interval - 1) / Self.interval
        return k <= count ? k : nil
    }
}

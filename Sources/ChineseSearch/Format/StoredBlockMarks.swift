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

/// Coding and decoding a whole coded block (marks, then LZ4 over the symbol codes): what the index's writer and
/// reader do, and `search-bench codec` measures.
extension StoredBlockMarks {
    /// Codes `block` into `output` as a coded block: its marks, then LZ4 over its symbol codes. The bytes
    /// written, or nil when they do not fit in `output` (the caller then stores the block raw).
    ///
    /// - Parameters:
    ///   - block: the block's text.
    ///   - encoder: the segment's symbol code.
    ///   - compressor: the LZ4 compressor, reused from block to block.
    ///   - codes: scratch for the symbol codes, `SymbolCode.maximumCodedLength(block.count)` bytes.
    ///   - marks: scratch for the mark words.
    ///   - output: room for the coded block; coding that does not fit gives up.
    /// - Complexity: O(block.count).
    public static func code(_ block: UnsafeRawBufferPointer, encoder: SymbolEncoder, compressor: inout LZ4BlockCompressor,
                            codes: UnsafeMutableRawBufferPointer, marks: inout [UInt32],
                            into output: UnsafeMutableRawBufferPointer) -> Int? {
        let n = encoder.encode(block, into: codes, marksEvery: interval, marks: &marks)
        let marksSize = marks.count * markSize
        guard marksSize < output.count else { return nil }
        for (k, word) in marks.enumerated() {
            output.storeBytes(of: word.littleEndian, toByteOffset: k * markSize, as: UInt32.self)
        }
        return compressor.compress(UnsafeRawBufferPointer(rebasing: codes[0..<n]),
                                   into: UnsafeMutableRawBufferPointer(rebasing: output[marksSize...])).map { marksSize + $0 }
    }

    /// Decodes at least the bytes `wanted` of the coded block `stored`, whose text is `destination.count` bytes,
    /// into `destination` at their own offsets: all of it when `wanted` is the whole block, else LZ4 as far as the
    /// first mark at or after `wanted`'s end and the symbol codes from the last mark at or before its start.
    ///
    /// - Parameters:
    ///   - stored: the coded block as stored: its marks, then its LZ4 block.
    ///   - table: the segment's symbols.
    ///   - destination: room for exactly the block's text.
    ///   - wanted: the text bytes needed.
    ///   - coded: scratch for the codes, `SymbolCode.maximumCodedLength(destination.count)` bytes.
    /// - Returns: false when the block is too short for its marks or does not decode (in the part decoded).
    /// - Complexity: O(LZ4 output up to `wanted`'s end + text from the mark before `wanted` to its end).
    public static func decode(_ stored: UnsafeRawBufferPointer, table: SymbolTable,
                              into destination: UnsafeMutableRawBufferPointer, wanted: Range<Int>,
                              coded: UnsafeMutableRawBufferPointer) -> Bool {
        guard let marks = StoredBlockMarks(block: stored, length: destination.count) else { return false }
        if wanted.count == destination.count {
            return SymbolCode.decompress(marks.lz4, table: table, into: destination, prefix: destination.count, coded: coded)
        }
        return SymbolCode.decompress(marks.lz4, table: table, into: destination, until: wanted.upperBound,
                                     from: marks.mark(marks.last(atOrBefore: wanted.lowerBound)),
                                     codesNeeded: marks.first(atOrAfter: wanted.upperBound).map { marks.mark($0).code },
                                     coded: coded)
    }
}

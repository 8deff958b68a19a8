/// The block index of a segment's stored text (section 22): the stored-text stream (every document's
/// `title + "\n" + body`, one after the other) is cut into blocks of `blockSize` bytes, each coded on its own
/// into the stored-text section (4); this says where each block lies there.
///
/// ```
/// StoredBlockIndex --> blockSize u32, 0 u32, textLength u64, BlockEntry^⌈textLength / blockSize⌉
/// BlockEntry       --> offset u64, storedLength u32, flags u32                                  (16 bytes)
/// StoredText       --> StoredBlock^blockCount                      (section 4; block i at its entry's offset)
/// StoredBlock      --> StoredBlockMarks, LZ4Block(Codes) (flags 0) | the block's bytes as they are (flags 1: raw)
/// ```
/// `Codes` are the block's bytes in the segment's symbol code (`SymbolCode`, table in section 24). Block `i`
/// holds the stream's bytes `i·blockSize ..< min((i + 1)·blockSize, textLength)`, so a document's range
/// (`DocumentRecord.storedOffset/storedLength`, in the uncompressed stream) maps to a range of blocks by
/// division. Blocks follow each other without gaps from offset 0 to the section's end. A block that coding does
/// not shrink is stored raw. 16 KiB: docs/FORMAT.md has the measured trade between size and a read's cost.
struct StoredBlockIndex {
    /// Bytes before the first entry.
    static let headerSize = 16
    static let entrySize = 16
    /// `flags` bit 0: the block is stored raw. The other bits are zero.
    static let rawFlag: UInt32 = 1
    /// The block size a build writes.
    static let blockSize = 16_384
    /// The block sizes a reader accepts: the upper bound caps what one block read allocates.
    static let acceptedBlockSizes = 64...(1 << 20)

    /// Where one block lies in the stored-text section, and how it is stored.
    struct Entry: Equatable {
        var offset: UInt64
        var storedLength: UInt32
        var flags: UInt32

        var raw: Bool { flags & StoredBlockIndex.rawFlag != 0 }

        func encode(into w: inout ByteWriter) {
            w.u64(offset); w.u32(storedLength); w.u32(flags)
        }

        /// Decodes the entry at `offset` (the caller checked that 16 bytes lie there).
        init(loading section: UnsafeRawBufferPointer, at offset: Int) {
            self.offset = section.u64Unchecked(at: offset)
            storedLength = section.u32Unchecked(at: offset + 8)
            flags = section.u32Unchecked(at: offset + 12)
        }

        init(offset: UInt64, storedLength: UInt32, flags: UInt32) {
            self.offset = offset; self.storedLength = storedLength; self.flags = flags
        }
    }

    let blockSize: Int
    /// Bytes of the uncompressed stream.
    let textLength: Int
    let blockCount: Int
    private let section: UnsafeRawBufferPointer

    /// The index in `section`; nil when its block size is not accepted or its length is not that of
    /// ⌈textLength / blockSize⌉ entries. O(1).
    init?(section: UnsafeRawBufferPointer) {
        guard let size = section.u32(at: 0), let length = section.u64(at: 8),
              Self.acceptedBlockSizes.contains(Int(size)), length <= UInt64(1) << 48 else { return nil }
        let count = (Int(length) + Int(size) - 1) / Int(size)
        guard section.count == Self.headerSize + count * Self.entrySize else { return nil }
        blockSize = Int(size)
        textLength = Int(length)
        blockCount = count
        self.section = section
    }

    /// The entry of block `block` (< blockCount). O(1).
    func entry(_ block: Int) -> Entry { Entry(loading: section, at: Self.headerSize + block * Self.entrySize) }

    /// The bytes of the uncompressed stream that block `block` holds. O(1).
    func textRange(ofBlock block: Int) -> Range<Int> {
        (block * blockSize)..<min(textLength, (block + 1) * blockSize)
    }

    /// Writes the header of an index of `textLength` bytes in blocks of `blockSize`; the entries follow.
    static func encodeHeader(blockSize: Int, textLength: Int, into w: inout ByteWriter) {
        w.u32(UInt32(blockSize)); w.u32(0); w.u64(UInt64(textLength))
    }
}

/// Writes a segment's stored-text stream as compressed blocks into the open stored-text section and builds its
/// block index (`StoredBlockIndex`, the layout), streaming: it holds one block of text and one of output, never
/// the stream.
///
/// Text is appended document after document; every time `blockSize` bytes have gathered they are compressed
/// (raw when compression does not shrink them) and written. The compressor's table lives as long as the writer.
/// O(text); memory: two blocks, the compressor's 32 KB table and 16 bytes of index per block.
struct StoredTextWriter {
    let blockSize: Int
    private var compressor = LZ4BlockCompressor()
    private var pending: [UInt8] = []
    private var compressed: [UInt8]
    private var entries = ByteWriter()
    private var written: UInt64 = 0
    private var textLength = 0

    /// A writer of blocks of `blockSize` bytes (within `StoredBlockIndex.acceptedBlockSizes`).
    init(blockSize: Int = StoredBlockIndex.blockSize) {
        precondition(StoredBlockIndex.acceptedBlockSizes.contains(blockSize), "block size \(blockSize) is not readable")
        self.blockSize = blockSize
        pending.reserveCapacity(blockSize)
        // One byte less than the block: compression that does not shrink the block gives up.
        compressed = [UInt8](repeating: 0, count: blockSize - 1)
    }

    /// Appends `text` to the stream, writing every block it completes to `file` (inside the stored-text section).
    mutating func append(_ text: UnsafeRawBufferPointer, to file: IndexFileWriter) throws(IndexError) {
        var rest = text
        while !rest.isEmpty {
            let take = min(rest.count, blockSize - pending.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if pending.count == blockSize { try writeBlock(to: file) }
        }
        textLength += text.count
    }

    /// Writes the last, shorter block and returns the block index section.
    mutating func finish(to file: IndexFileWriter) throws(IndexError) -> ByteWriter {
        if !pending.isEmpty { try writeBlock(to: file) }
        var index = ByteWriter()
        StoredBlockIndex.encodeHeader(blockSize: blockSize, textLength: textLength, into: &index)
        index.append(entries.bytes)
        return index
    }

    private mutating func writeBlock(to file: IndexFileWriter) throws(IndexError) {
        let n = pending.count
        let length = pending.withUnsafeBytes { source in
            compressed.withUnsafeMutableBytes { output in
                compressor.compress(source, into: UnsafeMutableRawBufferPointer(rebasing: output[0..<(n - 1)]))
            }
        }
        let entry = StoredBlockIndex.Entry(offset: written, storedLength: UInt32(length ?? n),
                                           flags: length == nil ? StoredBlockIndex.rawFlag : 0)
        if let length {
            try file.write(compressed[0..<length])
        } else {
            try file.write(pending)
        }
        entry.encode(into: &entries)
        written += UInt64(entry.storedLength)
        pending.removeAll(keepingCapacity: true)
    }
}

import Dispatch

/// Writes a segment's stored-text stream as coded blocks into the open stored-text section and builds its block
/// index (`StoredBlockIndex`, the layout), streaming: it holds one batch of blocks, never the stream.
///
/// Text is appended document after document; every time a batch of blocks has gathered, the blocks are coded on
/// up to `threads` workers (symbol codes of the segment's `SymbolRanking`, then LZ4; raw when that does not
/// shrink a block) and written in order. A block's bytes depend only on its text and the ranking, so the file is
/// the same for any number of workers. O(text); memory: two batches of 16 blocks a worker, and per worker the
/// compressor's 32 KB table and a block of codes.
struct StoredTextWriter {
    let blockSize: Int
    private let batch: StoredBlockBatch
    private var pending = 0
    private var entries = ByteWriter()
    private var written: UInt64 = 0
    private var textLength = 0

    /// A writer of blocks of `blockSize` bytes (within `StoredBlockIndex.acceptedBlockSizes`) coded with
    /// `ranking` on up to `threads` workers.
    init(blockSize: Int = StoredBlockIndex.blockSize, ranking: SymbolRanking, threads: Int) {
        precondition(StoredBlockIndex.acceptedBlockSizes.contains(blockSize), "block size \(blockSize) is not readable")
        self.blockSize = blockSize
        batch = StoredBlockBatch(blockSize: blockSize, encoder: SymbolEncoder(ranking), workers: max(1, threads))
    }

    /// Appends `text` to the stream, writing every batch of blocks it completes to `file` (inside the stored-text
    /// section).
    mutating func append(_ text: UnsafeRawBufferPointer, to file: IndexFileWriter) throws(IndexError) {
        var rest = text
        while !rest.isEmpty {
            let take = min(rest.count, batch.text.count - pending)
            UnsafeMutableRawBufferPointer(rebasing: batch.text[pending..<(pending + take)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
            pending += take
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if pending == batch.text.count { try writeBatch(to: file) }
        }
        textLength += text.count
    }

    /// Writes the last blocks (the last one shorter) and returns the block index section.
    mutating func finish(to file: IndexFileWriter) throws(IndexError) -> ByteWriter {
        if pending > 0 { try writeBatch(to: file) }
        var index = ByteWriter()
        StoredBlockIndex.encodeHeader(blockSize: blockSize, textLength: textLength, into: &index)
        index.append(entries.bytes)
        return index
    }

    /// Codes the pending blocks on the workers, then writes them and their entries in order.
    private mutating func writeBatch(to file: IndexFileWriter) throws(IndexError) {
        let count = (pending + blockSize - 1) / blockSize
        batch.code(textLength: pending)
        for b in 0..<count {
            let length = min(blockSize, pending - b * blockSize)
            let coded = batch.codedLengths[b]
            let entry = StoredBlockIndex.Entry(offset: written, storedLength: UInt32(coded ?? length),
                                               flags: coded == nil ? StoredBlockIndex.rawFlag : 0)
            let source = coded == nil ? batch.text : batch.output
            try file.write(UnsafeRawBufferPointer(rebasing: source[(b * blockSize)..<(b * blockSize + Int(entry.storedLength))]))
            entry.encode(into: &entries)
            written += UInt64(entry.storedLength)
        }
        pending = 0
    }
}

/// The buffers of one batch of blocks and the workers' coders: block `b` of `text` is coded into the same place
/// of `output`, so workers write apart from each other without locks.
private final class StoredBlockBatch: @unchecked Sendable {
    static let blocksPerWorker = 16
    let blockSize: Int
    /// The batch's text: up to `blocksPerWorker × workers` blocks.
    let text: UnsafeMutableRawBufferPointer
    /// Each block's coded bytes, at its text's offset (a coded block is shorter than its text).
    let output: UnsafeMutableRawBufferPointer
    /// Per block of the last batch its coded length, nil when it is stored raw.
    private(set) var codedLengths: [Int?]
    private let coders: [StoredBlockCoder]

    init(blockSize: Int, encoder: SymbolEncoder, workers: Int) {
        self.blockSize = blockSize
        let blocks = Self.blocksPerWorker * workers
        text = .allocate(byteCount: blocks * blockSize, alignment: 8)
        output = .allocate(byteCount: blocks * blockSize, alignment: 8)
        codedLengths = Array(repeating: nil, count: blocks)
        coders = (0..<workers).map { _ in StoredBlockCoder(blockSize: blockSize, encoder: encoder) }
    }

    deinit {
        text.deallocate()
        output.deallocate()
    }

    /// Codes the blocks of the first `textLength` bytes of `text` on the workers.
    func code(textLength: Int) {
        let count = (textLength + blockSize - 1) / blockSize
        let claims = WorkSlots<Bool>(count: count)
        let lengths = WorkSlots<Int?>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(coders.count, count)) { worker in
            while let b = claims.claim() {
                let range = (b * blockSize)..<min(textLength, (b + 1) * blockSize)
                lengths.store(b, coders[worker].code(UnsafeRawBufferPointer(rebasing: text[range]),
                                                     into: UnsafeMutableRawBufferPointer(rebasing: output[range])))
            }
        }
        for (b, length) in lengths.results.enumerated() { codedLengths[b] = length! }
    }
}

/// One worker's coder of blocks: symbol codes and their marks, then LZ4. Used by one thread at a time.
private final class StoredBlockCoder {
    private let encoder: SymbolEncoder
    private var compressor = LZ4BlockCompressor()
    private let codes: UnsafeMutableRawBufferPointer
    private var marks: [UInt32] = []

    init(blockSize: Int, encoder: SymbolEncoder) {
        self.encoder = encoder
        codes = .allocate(byteCount: SymbolCode.maximumCodedLength(blockSize), alignment: 8)
    }

    deinit { codes.deallocate() }

    /// Codes `block` into `output` (its length), marks then LZ4 (`StoredBlockMarks`): the coded length, or nil
    /// when coding does not shrink the block.
    func code(_ block: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        // One byte less than the block: coding that does not shrink the block gives up.
        StoredBlockMarks.code(block, encoder: encoder, compressor: &compressor, codes: codes, marks: &marks,
                              into: UnsafeMutableRawBufferPointer(rebasing: output[0..<(block.count - 1)]))
    }
}

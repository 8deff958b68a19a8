/// Reads byte ranges of a segment's stored-text stream from its coded blocks (section 4) through the block
/// index (section 22, `StoredBlockIndex`) and the symbol table (section 24, `SymbolTable`), decoding only the
/// blocks a range touches.
///
/// Immutable, so shared between threads: every read decodes into memory of its own (the result, and scratch for
/// a block's codes and, when the range starts or ends inside a block, its text: LZ4 decoded only as far as the
/// range reaches, the symbol codes only from the last mark before it, so a snippet's window costs a fraction of
/// the block). Every entry a read
/// touches is checked against the section before anything is allocated or read, and `SymbolCode.decompress`
/// checks the rest, so a damaged block gives nil, never a crash or a huge allocation.
struct StoredTextBlocks {
    let index: StoredBlockIndex
    let symbols: SymbolTable
    /// The stored-text section: the blocks.
    let blocks: UnsafeRawBufferPointer

    /// Bytes of the uncompressed stream.
    var textLength: Int { index.textLength }

    /// The most text one stored byte of a coded block can give: LZ4 expands a byte to at most 255 codes, and
    /// a code gives at most 4 bytes.
    private static let maximumExpansion = 255 * 4

    /// The stream's bytes `range`; nil when the range is not inside the stream or a block it touches is damaged.
    /// O(blocks touched × block size).
    func bytes(in range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= index.textLength else { return nil }
        guard !range.isEmpty else { return [] }
        let touched = (range.lowerBound / index.blockSize)...((range.upperBound - 1) / index.blockSize)
        // Entries checked before the result is allocated, so a damaged index cannot ask for more memory than its
        // blocks' bytes could decode to.
        for block in touched {
            guard let stored = storedBytes(of: block),
                  index.textRange(ofBlock: block).count <= Self.maximumExpansion * stored.count else { return nil }
        }
        var scratch = StoredBlockScratch(blockSize: index.blockSize)
        defer { scratch.deallocate() }
        var intact = true
        let result = [UInt8](unsafeUninitializedCapacity: range.count) { out, initialized in
            let destination = UnsafeMutableRawBufferPointer(out)
            for block in touched {
                let text = index.textRange(ofBlock: block)
                let wanted = max(text.lowerBound, range.lowerBound)..<min(text.upperBound, range.upperBound)
                let target = UnsafeMutableRawBufferPointer(
                    rebasing: destination[(wanted.lowerBound - range.lowerBound)..<(wanted.upperBound - range.lowerBound)])
                let within = (wanted.lowerBound - text.lowerBound)..<(wanted.upperBound - text.lowerBound)
                intact = read(block, within, of: text.count, into: target, scratch: &scratch)
                if !intact { break }
            }
            initialized = intact ? range.count : 0
        }
        return intact ? result : nil
    }

    /// Copies bytes `within` of block `block` (`length` bytes of text) into `target`; a coded block read only in
    /// part is decoded into `scratch` from its last mark before `within` (`StoredBlockMarks`) to the end of
    /// `within`. False when the block is damaged (in the part decoded: `firstDamage` decodes every block whole).
    private func read(_ block: Int, _ within: Range<Int>, of length: Int, into target: UnsafeMutableRawBufferPointer,
                      scratch: inout StoredBlockScratch) -> Bool {
        guard let stored = storedBytes(of: block) else { return false }
        if index.entry(block).raw {
            guard stored.count == length else { return false }
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: stored[within]))
            return true
        }
        let codes = scratch.codes()
        if within.count == length {
            return StoredBlockMarks.decode(stored, table: symbols, into: target, wanted: within, coded: codes)
        }
        let decoded = UnsafeMutableRawBufferPointer(rebasing: scratch.text()[0..<length])
        guard StoredBlockMarks.decode(stored, table: symbols, into: decoded, wanted: within, coded: codes) else { return false }
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: decoded[within]))
        return true
    }

    /// The stored bytes of block `block`; nil when its entry points outside the section or has unknown flags.
    private func storedBytes(of block: Int) -> UnsafeRawBufferPointer? {
        let e = index.entry(block)
        guard e.flags & ~StoredBlockIndex.rawFlag == 0, e.offset <= UInt64(blocks.count) else { return nil }
        return blocks.slice(Int(e.offset), Int(e.storedLength))
    }

    /// The first fault of the blocks and the symbol table, for `verify`: the table's entries, every block decoded
    /// to its length, blocks contiguous from the section's start to its end. nil when intact. O(section + stream).
    func firstDamage() -> String? {
        if let damage = symbols.firstDamage() { return damage }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: index.blockSize, alignment: 8)
        defer { buffer.deallocate() }
        var scratch = StoredBlockScratch(blockSize: index.blockSize)  // whole blocks decode straight into `buffer`
        defer { scratch.deallocate() }
        var expected: UInt64 = 0
        for block in 0..<index.blockCount {
            let e = index.entry(block)
            let length = index.textRange(ofBlock: block).count
            guard e.offset == expected else { return "stored text block \(block) does not follow the one before" }
            guard read(block, 0..<length, of: length, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length]),
                       scratch: &scratch) else { return "stored text block \(block) does not decode to \(length) bytes" }
            if !e.raw, let damage = marksDamage(block, length: length, text: UnsafeRawBufferPointer(rebasing: buffer[0..<length]),
                                                scratch: &scratch) {
                return damage
            }
            expected += UInt64(e.storedLength)
        }
        guard expected == UInt64(blocks.count) else { return "stored text blocks do not end at the section's end" }
        return nil
    }

    /// Whether the marks of coded block `block` (which decoded whole to `text`) are what a reader may start
    /// from: the codes from each mark to the next decode to exactly the text between them. nil when they are.
    /// O(block).
    private func marksDamage(_ block: Int, length: Int, text: UnsafeRawBufferPointer,
                             scratch: inout StoredBlockScratch) -> String? {
        guard let stored = storedBytes(of: block), let marks = StoredBlockMarks(block: stored, length: length) else {
            return "stored text block \(block) is too short for its marks"
        }
        let codes = scratch.codes()
        var progress = LZ4Block.Progress()
        guard LZ4Block.decompress(marks.lz4, into: codes, resuming: &progress, until: .max), progress.finished else {
            return "stored text block \(block) does not decode to \(length) bytes"
        }
        let decoded = UnsafeMutableRawBufferPointer(rebasing: scratch.text()[0..<length])
        for k in 0...marks.count {
            let from = marks.mark(k)
            let to = k < marks.count ? marks.mark(k + 1) : (code: progress.output, text: length)
            var position = from.code, produced = from.text
            guard from.text <= to.text, to.text <= length, to.code <= progress.output,
                  SymbolCode.decode(UnsafeRawBufferPointer(rebasing: codes[0..<to.code]), from: &position, table: symbols,
                                    into: decoded, produced: &produced, until: to.text),
                  position == to.code, produced == to.text,
                  decoded[from.text..<to.text].elementsEqual(text[from.text..<to.text]) else {
                return "stored text block \(block) has a mark (\(k)) that is not where its codes say"
            }
        }
        return nil
    }
}

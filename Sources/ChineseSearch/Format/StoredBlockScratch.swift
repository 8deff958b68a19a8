/// The scratch memory of one read of stored text, allocated on first use: room for a block's codes, and for its
/// text when only part of it is wanted.
struct StoredBlockScratch {
    private let blockSize: Int
    private var codesBuffer: UnsafeMutableRawBufferPointer?
    private var textBuffer: UnsafeMutableRawBufferPointer?

    init(blockSize: Int) { self.blockSize = blockSize }

    /// Room for the codes of a block: `SymbolCode.maximumCodedLength(blockSize)` bytes.
    mutating func codes() -> UnsafeMutableRawBufferPointer {
        if let codesBuffer { return codesBuffer }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: SymbolCode.maximumCodedLength(blockSize), alignment: 8)
        codesBuffer = buffer
        return buffer
    }

    /// Room for a block's text: `blockSize` bytes.
    mutating func text() -> UnsafeMutableRawBufferPointer {
        if let textBuffer { return textBuffer }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 8)
        textBuffer = buffer
        return buffer
    }

    /// Frees what was allocated.
    func deallocate() {
        codesBuffer?.deallocate()
        textBuffer?.deallocate()
    }
}

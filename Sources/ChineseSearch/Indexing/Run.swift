import Foundation

/// One chunk of documents, inverted: its document records and its terms in sorted order.
///
/// ```
/// Documents --> (pathLength varint, path, dateLength varint, date, SourceStamp (24 bytes), DocumentFields,
///                DocumentCheckpoints, titleBytes varint, storedLength varint, stored)^n
/// Terms     --> Term^termCount      (CJK terms by key first, then words by bytes)
/// Term      --> 0 u8, key u64 | 1 u8, length varint, bytes;  docCount varint, Posting^docCount
/// Posting   --> localDocGap varint, tf varint, titleTF varint, positionGap varint^tf
/// ```
/// Document numbers are local to the chunk (the merge adds the chunk's base); the first gap is from 0, the
/// others `doc − previous − 1`; positions gap from the previous position, the first from 0. `checkpoints` are
/// where every 256th term begins, so a merge of one range of the term order starts inside the run without
/// reading the terms before it.
/// A run lives in memory or, once the build passes its memory limit, in a temporary file mapped back.
final class Run: @unchecked Sendable {
    /// Documents in the run.
    let documentCount: Int
    /// Text-field token count per local document.
    let textLengths: [UInt32]
    /// Title-field token count per local document.
    let titleLengths: [UInt32]
    /// Distinct terms.
    let termCount: Int
    /// The offset in `terms` of term `i · checkpointInterval`, for every such term.
    let checkpoints: [Int]
    /// Terms between checkpoints.
    static let checkpointInterval = 256
    private var storage: RunBytes
    private let documentsLength: Int

    init(documents: [UInt8], terms: [UInt8], termCount: Int, checkpoints: [Int], textLengths: [UInt32],
         titleLengths: [UInt32]) {
        precondition(checkpoints.count == (termCount + Self.checkpointInterval - 1) / Self.checkpointInterval)
        documentCount = textLengths.count
        self.textLengths = textLengths
        self.titleLengths = titleLengths
        self.termCount = termCount
        self.checkpoints = checkpoints
        documentsLength = documents.count
        storage = RunBytes(HeapBytes(documents, terms))
    }

    /// Bytes held in memory (0 once spilled).
    var memoryBytes: Int { storage.inMemory ? storage.bytes.count : 0 }

    /// The documents part.
    var documents: UnsafeRawBufferPointer { storage.bytes.slice(0, documentsLength)! }
    /// The terms part.
    var terms: UnsafeRawBufferPointer { storage.bytes.slice(documentsLength, storage.bytes.count - documentsLength)! }

    /// Moves the bytes to the file `path` and maps them back, freeing the memory.
    func spill(to path: String) throws(IndexError) {
        let fd = try SystemFile.create(path)
        // Removed whether or not the spill works: once mapped, the mapping keeps the bytes.
        defer { SystemFile.remove(path) }
        defer { SystemFile.close(fd) }
        try SystemFile.writeAll(fd, storage.bytes, path: path)
        storage = RunBytes(mapped: try MappedFile(path: path))
    }
}

/// Owns a run's bytes: heap memory or a file mapping.
private final class RunBytes {
    let bytes: UnsafeRawBufferPointer
    let inMemory: Bool
    /// Keeps `bytes` alive: a `HeapBytes` or a `MappedFile`.
    private let owner: AnyObject

    init(_ heap: HeapBytes) {
        owner = heap
        bytes = heap.bytes
        inMemory = true
    }

    init(mapped: MappedFile) {
        owner = mapped
        bytes = mapped.bytes
        inMemory = false
    }
}

@testable import ChineseSearch

/// A postings list as plain arrays: documents ascending, their tfs, positions and the field lengths.
struct PlainList {
    var docs: [UInt32] = []
    var tfs: [UInt32] = []
    var positions: [[UInt32]] = []
    var lengths: [UInt32] = []
    var documentCount = 0

    /// The index of the first document ≥ target, or docs.count.
    func lowerBound(_ target: UInt32) -> Int { docs.firstIndex { $0 >= target } ?? docs.count }

    /// Documents 0, 1, 2… with the given positions (tfs from their counts), lengths 1.
    init(positions: [[UInt32]]) {
        self.positions = positions
        docs = (0..<positions.count).map { UInt32($0) }
        tfs = positions.map { UInt32($0.count) }
        lengths = [UInt32](repeating: 1, count: positions.count)
        documentCount = positions.count
    }

    init() {}
}

/// A `PlainList` encoded by `PostingsEncoder` and `PositionsEncoder` into buffers shaped like the index file's
/// sections: garbage before the list, the 8 padding bytes after it.
struct EncodedList {
    var postings: [UInt8]
    var positions: [UInt8]
    var listStart: Int
    var positionsStart: Int
    /// Where each block's positions begin, relative to the list's (the skip entries' `positionsStart`).
    var blockStarts: [UInt32]

    init(_ list: PlainList, listStart: Int, positionsStart: Int) {
        // Positions: each document's gaps (the first from 0), a positions block per postings block.
        var positions = ByteWriter()
        positions.append([UInt8](repeating: 0x80, count: positionsStart))
        var starts: [UInt32] = []
        var positionsEncoder = PositionsEncoder()
        positionsEncoder.beginList()
        for (i, ps) in list.positions.enumerated() {
            if i % PostingsFormat.blockSize == 0 {
                positionsEncoder.endBlock()
                starts.append(UInt32(positionsEncoder.listBytes))
            }
            var previous: UInt32 = 0
            for p in ps {
                positionsEncoder.append(p - previous)
                previous = p
            }
        }
        positionsEncoder.endBlock()
        positionsEncoder.take { positions.append($0) }
        positions.append([UInt8](repeating: 0, count: BitPacking.paddingBytes))
        var postings = ByteWriter()
        postings.append([UInt8](repeating: 0xEE, count: listStart))
        var encoder = PostingsEncoder()
        list.docs.withUnsafeBufferPointer { d in
            list.tfs.withUnsafeBufferPointer { t in
                list.lengths.withUnsafeBufferPointer { l in
                    starts.withUnsafeBufferPointer { s in
                        encoder.encode(docs: d, tfs: t, lengths: l, positionsStarts: s, into: &postings)
                    }
                }
            }
        }
        postings.append([UInt8](repeating: 0, count: BitPacking.paddingBytes))
        self.postings = postings.bytes
        self.positions = positions.bytes
        self.listStart = listStart
        self.positionsStart = positionsStart
        blockStarts = starts
    }

    /// Calls `body` with a cursor on the list.
    func withCursor(_ list: PlainList, _ body: (PostingsCursor) -> Void) {
        postings.withUnsafeBytes { postings in
            positions.withUnsafeBytes { positions in
                body(PostingsCursor(postings: postings, listStart: listStart, df: list.docs.count, positions: positions,
                                    positionsStart: positionsStart, documentCount: list.documentCount))
            }
        }
    }
}

extension PostingsCursor {
    /// Every position of the current document.
    func allPositions() -> [UInt32] {
        var out: [UInt32] = []
        forEachPosition { out.append($0); return true }
        return out
    }
}

/// Iterates one postings list of the mapped index in document order, decoding a block of 128 at a time.
///
/// `advance(to:)` skips whole blocks through the skip entries without decoding them, so a conjunction
/// driven by a rare list touches only the blocks it needs. Positions (`PositionsFormat`) are decoded on demand,
/// a chunk of 128 values at a time, each chunk once for all the documents in it. A damaged list never reads out
/// of bounds: the cursor stops (`doc == PostingsCursor.end`) and sets `damaged`; damaged positions set
/// `damaged`. Not thread-safe; one per query and list.
final class PostingsCursor {
    /// The `doc` value of an exhausted cursor.
    static let end = UInt32.max

    private let postings: UnsafeRawBufferPointer
    private let positions: UnsafeRawBufferPointer
    private let listStart: Int
    private let positionsBase: Int
    private let documentCount: UInt32
    /// Documents in the list.
    let df: Int
    private let blockCount: Int
    private let dataStart: Int
    private var block = -1
    private var blockEndOffset = 0
    private var count = 0
    private var index = 0
    private let docs: UnsafeMutablePointer<UInt32>
    /// Where the current block's tfs (less one) are packed, and their width: `tf` reads one where it lies (a
    /// load, a shift and a mask, about what unpacking costs a value), so a block the loops only pass through
    /// never unpacks its tfs. Positions, which read every tf of a block up to a document, unpack them into
    /// `tfs` once per block.
    private var tfStart = 0
    private var tfWidth = 0
    private var tfMask: UInt64 = 0
    private let tfs: UnsafeMutablePointer<UInt32>

    // Positions of the current block: `valueStart` is where document `positionsIndex`'s values begin among the
    // block's `blockValues` values (-1: not summed yet); chunk `walkChunk` begins at `walkOffset`;
    // `chunkValues` holds chunk `decodedChunk`.
    private let chunkValues: UnsafeMutablePointer<UInt32>
    private var blockPositionsStart = 0
    private var blockValues = -1
    private var positionsIndex = 0
    private var valueStart = 0
    private var walkChunk = 0
    private var walkOffset = 0
    private var decodedChunk = -1

    /// The current document, or `PostingsCursor.end`.
    private(set) var doc: UInt32 = PostingsCursor.end
    /// True when the list's bytes turned out inconsistent.
    private(set) var damaged = false

    /// A cursor on the list of `df` documents at `listStart` in `postings`, positions at `positionsStart`.
    init(postings: UnsafeRawBufferPointer, listStart: Int, df: Int,
         positions: UnsafeRawBufferPointer, positionsStart: Int, documentCount: Int) {
        self.postings = postings
        self.positions = positions
        self.listStart = listStart
        // The offsets come from dictionary entries that opening does not check: compare before adding, so a
        // damaged offset (up to Int.max) cannot overflow; a valid positions start is never past the section.
        self.positionsBase = min(max(positionsStart, 0), positions.count)
        self.documentCount = UInt32(clamping: documentCount)
        self.df = df
        self.blockCount = PostingsFormat.blockCount(df: df)
        let skipBytes = blockCount > 1 ? blockCount * PostingsFormat.skipEntrySize : 0
        let fits = listStart >= 0 && listStart <= postings.count - skipBytes
        self.dataStart = fits ? listStart + skipBytes : postings.count
        // The three buffers share one allocation (`docs` is its start): a query makes a cursor per list.
        docs = .allocate(capacity: 2 * PostingsFormat.blockSize + PositionsFormat.chunkSize)
        tfs = docs + PostingsFormat.blockSize
        chunkValues = tfs + PostingsFormat.blockSize
        if df <= 0 || !fits {
            damaged = df < 0 || !fits
            return
        }
        loadBlock(0, previousDoc: -1)
    }

    deinit {
        docs.deallocate()
    }

    /// The term frequency in the current document.
    @inline(__always) var tf: UInt32 { tf(at: index) }

    /// The tf of document `i` of the decoded block, read where it lies (0 past its documents, as for a list
    /// with none).
    @inline(__always) private func tf(at i: Int) -> UInt32 {
        guard i < count else { return 0 }
        return BitPacking.value(postings, at: tfStart, index: i, width: tfWidth, mask: tfMask) &+ 1
    }

    private func skipField(_ block: Int, _ field: Int) -> UInt32 {
        postings.u32Unchecked(at: listStart + block * PostingsFormat.skipEntrySize + field * 4)
    }

    /// Whether the skip entries may be read: the list has several blocks and its skip table lies in the section.
    private var hasSkips: Bool { blockCount > 1 && dataStart < postings.count }

    // MARK: Shallow block navigation: skip entries only, nothing decoded

    /// Blocks in the list.
    var blocks: Int { blockCount }

    /// The block decoded now (0 for an empty or damaged list, whose `doc` is `end`).
    var currentBlock: Int { max(block, 0) }

    /// The first block from `first` on whose last document is ≥ `target`, read from the skip entries without
    /// decoding anything (Lucene's `advanceShallow`, Tantivy's `seek_block`); `blocks` when the list ends
    /// before `target`. A one-block list answers from its decoded block. O(blocks passed).
    func blockIndex(holding target: UInt32, from first: Int) -> Int {
        guard hasSkips else { return count > 0 && first <= 0 && docs[count - 1] >= target ? 0 : blockCount }
        var b = max(first, 0)
        while b < blockCount && skipField(b, 0) < target { b += 1 }
        return b
    }

    /// The last document of block `b` (< `blocks`): its skip entry, or the decoded block of a one-block list.
    func lastDoc(ofBlock b: Int) -> UInt32 {
        hasSkips ? skipField(b, 0) : (count > 0 ? docs[count - 1] : PostingsCursor.end)
    }

    /// The largest tf and the shortest field length of block `b` (< `blocks`) from its skip entry, or nil for a
    /// one-block list (which has none).
    func bounds(ofBlock b: Int) -> (maxTF: UInt32, minLength: UInt32)? {
        hasSkips ? (skipField(b, 3), skipField(b, 4)) : nil
    }

    /// Bounds of the documents of the list in `lo ... hi` from the current one on, without decoding: the decoded
    /// block's documents say whether it holds one there, the later blocks' skip entries whether they may (a
    /// block may hold any document after the previous block's last, up to its own last). The largest tf and
    /// the shortest field length of the blocks that may (the length is nil for a one-block list, which has no
    /// skip entry; its tf is then the largest of those documents exactly); nil when none does.
    /// O(log 128 + blocks in the range).
    func bounds(from lo: UInt32, through hi: UInt32) -> (maxTF: UInt32, minLength: UInt32?)? {
        guard count > 0, lo <= hi, doc <= hi else { return nil }
        var maxTF: UInt32 = 0, minLength = UInt32.max
        var found = false
        if docs[count - 1] >= lo {
            let low = firstDecoded(atLeast: lo, from: index)
            if low < count && docs[low] <= hi {
                found = true
                if !hasSkips {
                    for i in low..<count where docs[i] <= hi { maxTF = max(maxTF, tf(at: i)) }
                    return (maxTF, nil)
                }
                maxTF = skipField(block, 3)
                minLength = skipField(block, 4)
            }
        }
        guard hasSkips else { return nil }
        var b = blockIndex(holding: lo, from: block + 1)
        while b < blockCount && skipField(b - 1, 0) < hi {
            found = true
            maxTF = max(maxTF, skipField(b, 3))
            minLength = min(minLength, skipField(b, 4))
            b += 1
        }
        return found ? (maxTF, minLength) : nil
    }

    /// The first index from `first` on (up to `count`) of the decoded block whose document is ≥ `target`: a
    /// binary search, the block's documents ascending. O(log 128).
    @inline(__always) private func firstDecoded(atLeast target: UInt32, from first: Int) -> Int {
        var low = first, high = count
        while low < high {
            let mid = (low + high) >> 1
            if docs[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The largest tf in the whole list (a one-block list reads its tfs from its block, which is loaded already).
    func listMaxTF() -> UInt32 {
        if hasSkips {
            var m: UInt32 = 0
            for b in 0..<blockCount { m = max(m, skipField(b, 3)) }
            return m
        }
        var m: UInt32 = 0
        for i in 0..<count { m = max(m, tf(at: i)) }
        return m
    }

    private func fail() {
        damaged = true
        doc = PostingsCursor.end
        count = 0
    }

    private func loadBlock(_ b: Int, previousDoc: Int64) {
        block = b
        let blockStart = b == 0 ? dataStart : dataStart + Int(skipField(b - 1, 1))
        let n = min(PostingsFormat.blockSize, df - b * PostingsFormat.blockSize)
        guard blockStart + 2 <= postings.count else { return fail() }
        let gapWidth = Int(postings[blockStart])
        let tfWidth = Int(postings[blockStart + 1])
        guard gapWidth <= 32, tfWidth <= 32 else { return fail() }
        let gapBytes = BitPacking.byteCount(count: n, width: gapWidth)
        let tfBytes = BitPacking.byteCount(count: n, width: tfWidth)
        let end = blockStart + 2 + gapBytes + tfBytes
        guard end + BitPacking.paddingBytes <= postings.count else { return fail() }
        if blockCount > 1, dataStart + Int(skipField(b, 1)) != end { return fail() }
        // Documents ascend, so the last one below the document count bounds them all.
        let last = BitPacking.unpackGaps(postings, at: blockStart + 2, count: n, width: gapWidth, after: previousDoc,
                                         into: docs)
        guard last < Int64(documentCount) else { return fail() }
        if blockCount > 1, UInt32(last) != skipField(b, 0) { return fail() }
        tfStart = blockStart + 2 + gapBytes
        self.tfWidth = tfWidth
        tfMask = BitPacking.mask(width: tfWidth)
        blockEndOffset = end
        count = n
        index = 0
        doc = docs[0]
        blockPositionsStart = positionsBase + (blockCount > 1 ? Int(skipField(b, 2)) : 0)
        blockValues = -1
        positionsIndex = 0
        valueStart = 0
        walkChunk = 0
        walkOffset = blockPositionsStart
        decodedChunk = -1
    }

    /// Moves to the next document. O(1) amortized.
    @inline(__always) func next() {
        index += 1
        if index < count {
            doc = docs[index]
        } else if block + 1 < blockCount {
            loadBlock(block + 1, previousDoc: Int64(docs[count - 1]))
        } else {
            doc = PostingsCursor.end
        }
    }

    /// Moves to the first document ≥ `target` (no move when already there). Skips blocks by their last document.
    func advance(to target: UInt32) {
        if doc >= target { return }
        if blockCount > 1, docs[count - 1] < target {
            let b = blockIndex(holding: target, from: block + 1)
            if b == blockCount {
                doc = PostingsCursor.end
                return
            }
            loadBlock(b, previousDoc: Int64(skipField(b - 1, 0)))
            if damaged { return }
        }
        // A few steps first (conjunctions move a little), then a binary search of the rest (WAND's jumps move far).
        var low = index
        let near = min(count, index + 8)
        while low < near && docs[low] < target { low += 1 }
        index = low == near ? firstDecoded(atLeast: target, from: near) : low
        if index < count {
            doc = docs[index]
        } else {
            doc = PostingsCursor.end
        }
    }

    /// Calls `body` with each position of the current document, ascending; stops early when `body` returns false.
    /// Sets `damaged` and stops when the positions stream is inconsistent. O(tf) plus, once per chunk of the
    /// block, its decoding; the tfs of the block's earlier documents are summed once.
    func forEachPosition(_ body: (UInt32) -> Bool) {
        guard index < count else { return }
        if blockValues < 0 {
            BitPacking.unpack(postings, at: tfStart, count: count, width: tfWidth, adding: 1, into: tfs)
            var total = 0
            for i in 0..<count { total += Int(tfs[i]) }
            blockValues = total
        }
        while positionsIndex < index {
            valueStart += Int(tfs[positionsIndex])
            positionsIndex += 1
        }
        var v = valueStart
        let end = v + Int(tfs[index])
        var p: UInt64 = 0
        while v < end {
            let c = v / PositionsFormat.chunkSize
            if c != decodedChunk && !decodePositions(chunk: c) { damaged = true; return }
            let base = c * PositionsFormat.chunkSize
            let stop = min(end, base + PositionsFormat.chunkSize)
            for j in (v - base)..<(stop - base) {
                // A gap may be up to 2^32 − 1: the sum is checked, so a position never wraps.
                p += UInt64(chunkValues[j])
                guard p <= UInt64(UInt32.max) else { damaged = true; return }
                if !body(UInt32(p)) { return }
            }
            v = stop
        }
    }

    /// Decodes chunk `c` of the current block into `chunkValues`; false when it is damaged. The chunks before it
    /// are full, so their `chunkBytes` lead to it; the block's last chunk must end where the next block begins.
    private func decodePositions(chunk c: Int) -> Bool {
        if c < walkChunk {
            walkChunk = 0
            walkOffset = blockPositionsStart
        }
        while walkChunk < c {
            guard let bytes = PositionsFormat.chunkBytes(positions, at: walkOffset) else { return false }
            walkOffset += 2 + bytes
            walkChunk += 1
        }
        let n = PositionsFormat.chunkCount(c, total: blockValues)
        guard let end = PositionsFormat.decodeChunk(positions, at: walkOffset, count: n, into: chunkValues) else {
            return false
        }
        let isLast = (c + 1) * PositionsFormat.chunkSize >= blockValues
        if isLast, hasSkips, block + 1 < blockCount, end != positionsBase + Int(skipField(block + 1, 2)) { return false }
        decodedChunk = c
        return true
    }
}

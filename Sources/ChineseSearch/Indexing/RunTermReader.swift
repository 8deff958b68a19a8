/// Reads a run's terms part one term at a time, for the k-way merge. O(1) per term header.
struct RunTermReader {
    let terms: UnsafeRawBufferPointer
    /// The run's position in document order, and the first global document number of the run.
    let runIndex: Int
    let documentBase: UInt32
    private var offset = 0
    private var remaining: Int

    /// Whether the current term is a word (false: CJK).
    private(set) var isWord = false
    /// The current CJK key (valid when `!isWord`).
    private(set) var key: UInt64 = 0
    /// The current word's bytes (valid when `isWord`).
    private(set) var word = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Documents of the current term in this run.
    private(set) var docCount = 0
    /// Where the current term's postings begin in `terms`.
    private(set) var postingsOffset = 0
    /// Whether a current term exists.
    private(set) var valid = false

    /// A reader on the first term of `run` at or after `lower` (nil: its first term): from the last checkpoint
    /// before `lower`, skipping at most `Run.checkpointInterval` terms.
    init(run: Run, runIndex: Int, documentBase: UInt32, from lower: TermBound? = nil) {
        var low = 0
        if let lower {
            // The last checkpoint whose term comes before `lower`, or the first.
            var high = run.checkpoints.count
            while high - low > 1 {
                let mid = (low + high) / 2
                if lower.follows(RunTermReader(run: run, checkpoint: mid)) { low = mid } else { high = mid }
            }
        }
        self.init(run: run, checkpoint: low, runIndex: runIndex, documentBase: documentBase)
        if let lower {
            while valid && lower.follows(self) {
                skipPostings()
                advance()
            }
        }
    }

    /// A reader on term `c · Run.checkpointInterval` of `run` (invalid when the run has no terms).
    init(run: Run, checkpoint c: Int, runIndex: Int = 0, documentBase: UInt32 = 0) {
        terms = run.terms
        self.runIndex = runIndex
        self.documentBase = documentBase
        let hasCheckpoint = c < run.checkpoints.count
        offset = hasCheckpoint ? run.checkpoints[c] : 0
        remaining = hasCheckpoint ? run.termCount - c * Run.checkpointInterval : 0
        advance()
    }

    /// Moves to the next term header. The previous term's postings must have been consumed with `readPostings`
    /// (which moves `offset` past them) — except that the merge always consumes them.
    mutating func advance() {
        guard remaining > 0 else { valid = false; return }
        remaining -= 1
        isWord = terms[offset] == 1
        offset += 1
        if isWord {
            let n = Int(terms.varint(at: &offset)!)
            word = terms.slice(offset, n)!
            offset += n
        } else {
            key = terms.u64Unchecked(at: offset)
            offset += 8
        }
        docCount = Int(terms.varint(at: &offset)!)
        postingsOffset = offset
        valid = true
    }

    /// The merge's heap order: by current term (CJK before words), ties by run, so equal terms come out in
    /// document order.
    enum MergeOrder: HeapOrder {
        static func before(_ a: RunTermReader, _ b: RunTermReader) -> Bool {
            let c = compareTerms(a, b)
            return c != 0 ? c < 0 : a.runIndex < b.runIndex
        }
    }

    /// Compares the current terms of two readers.
    static func compareTerms(_ a: RunTermReader, _ b: RunTermReader) -> Int {
        if a.isWord != b.isWord { return a.isWord ? 1 : -1 }
        if !a.isWord { return a.key == b.key ? 0 : (a.key < b.key ? -1 : 1) }
        return compareBytes(a.word, b.word)
    }

    /// Moves past the current term's postings without decoding them for use.
    mutating func skipPostings() {
        for _ in 0..<docCount {
            _ = terms.varint(at: &offset)
            let tf = Int(terms.varint(at: &offset)!)
            _ = terms.varint(at: &offset)
            for _ in 0..<tf { _ = terms.varint(at: &offset) }
        }
    }

    /// Decodes the current term's postings, calling `body(globalDoc, tf, titleTF, positionsOffset)`;
    /// `body` must read the tf positions from `terms` at the offset with `varint(at:)` and return the new offset.
    mutating func readPostings(_ body: (UInt32, UInt32, UInt32, Int) -> Int) {
        var previous: Int64 = -1
        for _ in 0..<docCount {
            let doc = previous + Int64(terms.varint(at: &offset)!) + 1
            previous = doc
            let tf = UInt32(terms.varint(at: &offset)!)
            let titleTF = UInt32(terms.varint(at: &offset)!)
            offset = body(documentBase + UInt32(doc), tf, titleTF, offset)
        }
    }
}

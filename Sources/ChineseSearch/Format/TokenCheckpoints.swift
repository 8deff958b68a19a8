/// The token checkpoints section (kind 23): for each document that has any, where tokenizing its stored text
/// may restart (`CheckpointPicker`), so a snippet maps a token position to bytes in O(log) and reads only the
/// bytes around its window.
///
/// ```
/// TokenCheckpoints --> documentCount u32, checkpointCount u32, CheckpointDocument^documentCount,
///                      Checkpoint^checkpointCount
/// CheckpointDocument --> doc u32, firstCheckpoint u32                                   (8 bytes)
/// Checkpoint         --> position u32, offset u32                                       (8 bytes)
/// ```
/// Only documents with checkpoints are listed (most documents are short and have none), by ascending local
/// document number; document i's checkpoints are `firstCheckpoint(i) ..< firstCheckpoint(i + 1)` (the last one's
/// end is `checkpointCount`), so `firstCheckpoint` starts at 0 and ascends strictly. Within a document both
/// `position` (a token number of the text field, below `textTokens`) and `offset` (a byte offset into the
/// stored text, below `storedLength`) ascend strictly. Position 0 at offset 0 is implicit.
struct TokenCheckpoints {
    static let headerSize = 8
    static let entrySize = 8

    private let section: UnsafeRawBufferPointer
    /// Documents listed.
    let documentCount: Int
    /// Checkpoints of all documents.
    let checkpointCount: Int

    /// The section `section`, or nil when its length disagrees with its counts. O(1).
    init?(section: UnsafeRawBufferPointer) {
        guard section.count >= Self.headerSize else { return nil }
        let documents = Int(section.u32Unchecked(at: 0)), checkpoints = Int(section.u32Unchecked(at: 4))
        guard section.count == Self.headerSize + (documents + checkpoints) * Self.entrySize else { return nil }
        self.section = section
        documentCount = documents
        checkpointCount = checkpoints
    }

    /// Local document number of listed document `i`.
    func document(at i: Int) -> Int { Int(section.u32Unchecked(at: Self.headerSize + i * Self.entrySize)) }

    /// The first checkpoint of listed document `i`, clamped to the checkpoint count.
    private func firstCheckpoint(at i: Int) -> Int {
        i == documentCount ? checkpointCount
            : min(checkpointCount, Int(section.u32Unchecked(at: Self.headerSize + i * Self.entrySize + 4)))
    }

    /// The checkpoints (indices for `position(at:)` and `offset(at:)`) of listed document `i`.
    func checkpoints(ofListed i: Int) -> Range<Int> {
        let lower = firstCheckpoint(at: i)
        return lower..<max(lower, firstCheckpoint(at: i + 1))
    }

    /// The checkpoints of local document `doc`, empty when it has none. O(log documentCount).
    func checkpoints(of doc: Int) -> Range<Int> {
        var low = 0, high = documentCount
        while low < high {
            let mid = (low + high) >> 1
            if document(at: mid) < doc { low = mid + 1 } else { high = mid }
        }
        return low < documentCount && document(at: low) == doc ? checkpoints(ofListed: low) : 0..<0
    }

    private func entry(_ i: Int) -> Int { Self.headerSize + (documentCount + i) * Self.entrySize }

    /// The token position of checkpoint `i`.
    func position(at i: Int) -> Int { Int(section.u32Unchecked(at: entry(i))) }

    /// The byte offset in the stored text of checkpoint `i`.
    func offset(at i: Int) -> Int { Int(section.u32Unchecked(at: entry(i) + 4)) }

    /// Whether `checkpoints` (one document's) ascend strictly in position and in offset, inside a text of `tokens`
    /// tokens and `length` bytes. O(checkpoints).
    func ascend(_ checkpoints: Range<Int>, tokens: Int, length: Int) -> Bool {
        for k in checkpoints {
            guard position(at: k) < tokens, offset(at: k) < length else { return false }
            if k > checkpoints.lowerBound, position(at: k - 1) >= position(at: k) || offset(at: k - 1) >= offset(at: k) {
                return false
            }
        }
        return true
    }

    /// The last of `checkpoints` whose position is at most `position`, nil when there is none. O(log).
    func last(in checkpoints: Range<Int>, atOrBefore position: Int) -> Int? {
        var low = checkpoints.lowerBound, high = checkpoints.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if self.position(at: mid) <= position { low = mid + 1 } else { high = mid }
        }
        return low > checkpoints.lowerBound ? low - 1 : nil
    }

    /// Collects the checkpoints of a segment's documents, in document order, and encodes the section.
    struct Builder {
        private var directory = ByteWriter()
        private var entries = ByteWriter()
        private var documents = 0
        private var checkpoints = 0

        /// Adds local document `doc`'s checkpoints (ascending; nothing is listed when there are none).
        mutating func add(doc: Int, positions: [UInt32], offsets: [UInt32]) {
            guard !positions.isEmpty else { return }
            directory.u32(UInt32(doc))
            directory.u32(UInt32(checkpoints))
            for (p, o) in zip(positions, offsets) {
                entries.u32(p)
                entries.u32(o)
            }
            documents += 1
            checkpoints += positions.count
        }

        /// The section's bytes.
        func section() -> ByteWriter {
            var w = ByteWriter()
            w.reserve(Self.headerSize + directory.count + entries.count)
            w.u32(UInt32(documents))
            w.u32(UInt32(checkpoints))
            w.append(directory.bytes)
            w.append(entries.bytes)
            return w
        }

        private static var headerSize: Int { TokenCheckpoints.headerSize }
    }
}

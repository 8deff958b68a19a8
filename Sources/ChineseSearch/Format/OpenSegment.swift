/// A segment of an opened commit: its reader, where it lies, its deletions, and the id of its first document.
final class OpenSegment: Sendable {
    let reader: IndexReader
    let reference: SegmentReference
    let deletions: SegmentDeletions
    /// False when no document is deleted, so the query loops skip the check.
    let hasDeletions: Bool

    init(reader: IndexReader, reference: SegmentReference, deletions: SegmentDeletions) {
        self.reader = reader
        self.reference = reference
        self.deletions = deletions
        hasDeletions = reference.deletedCount > 0
    }

    /// Documents in the segment that are not deleted.
    var liveCount: Int { reference.documentCount - reference.deletedCount }

    @inline(__always) func isDeleted(_ doc: UInt32) -> Bool { hasDeletions && deletions.isDeleted(doc) }

    /// The live document frequencies (text, title) of the term with dictionary ordinal `ordinal`.
    func liveFrequencies(of entry: TermEntry, ordinal: Int) -> (text: Int, title: Int) {
        guard hasDeletions else { return (Int(entry.df), Int(entry.titleDf)) }
        let d = deletions.decrement(of: UInt32(ordinal))
        return (max(0, Int(entry.df) - Int(d.text)), max(0, Int(entry.titleDf) - Int(d.title)))
    }

    /// The document with path `path`, if the segment holds it live.
    func liveDocument(withPath path: String) -> UInt32? {
        var copy = path
        return copy.withUTF8 { bytes in
            reader.document(withPath: UnsafeRawBufferPointer(bytes)).map(UInt32.init).flatMap { isDeleted($0) ? nil : $0 }
        }
    }
}

/// Dictionary ordinals: the segment's CJK tokens, words and characters numbered one after the other, the key
/// of a term's decrement (`SegmentDeletions`).
extension IndexReader {
    func ordinal(ofCJK index: Int) -> Int { index }
    func ordinal(ofWord index: Int) -> Int { statistics.cjkTermCount + index }
    func ordinal(ofCharacter index: Int) -> Int { statistics.cjkTermCount + statistics.wordTermCount + index }
    var ordinalCount: Int { statistics.cjkTermCount + statistics.wordTermCount + statistics.charTermCount }
}

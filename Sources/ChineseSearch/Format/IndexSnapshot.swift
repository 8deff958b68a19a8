/// One commit of an index file, opened: the mapping, the commit record and its segments.
///
/// Opening reads the file header, takes the valid commit slot with the highest generation whose record is
/// intact (the other slot is the fallback after a torn write), and opens each segment's header and its
/// deletions: O(segments + deleted bits), no postings are read. Later commits by writers append beyond what
/// this snapshot reads, so it keeps answering from its commit whatever they do.
final class IndexSnapshot: Sendable {
    let path: String
    let file: MappedFile
    let slot: CommitSlot
    let commit: CommitRecord
    let segments: [OpenSegment]
    /// True when an intact slot names a newer commit whose record is damaged (not what a crash leaves, since a
    /// record is synced before its slot): the snapshot answers from the previous commit, `verify` fails.
    let newerCommitDamaged: Bool

    convenience init(path: String) throws(IndexError) {
        try self.init(file: try MappedFile(path: path), path: path)
    }

    init(file: MappedFile, path: String) throws(IndexError) {
        self.file = file
        self.path = path
        let b = file.bytes
        try FileHeader.validate(b, path: path)
        let slots = (0..<2).compactMap { CommitSlot(loading: b, at: FileHeader.slotOffset($0)) }
            .sorted { $0.generation > $1.generation }
        var chosen: (CommitSlot, CommitRecord)?
        var skipped = false
        for s in slots {
            guard s.recordOffset >= UInt64(FileHeader.size), s.recordOffset <= UInt64(b.count),
                  s.recordLength <= UInt64(b.count) - s.recordOffset,
                  let raw = b.slice(Int(s.recordOffset), Int(s.recordLength)),
                  Checksum.xxh64(raw) == s.recordChecksum,
                  let record = CommitRecord(loading: raw), record.generation == s.generation else {
                skipped = true
                continue
            }
            chosen = (s, record)
            break
        }
        guard let (slot, commit) = chosen else {
            if slots.isEmpty { throw .corrupt(path: path, detail: "no commit slot is intact") }
            throw .corrupt(path: path, detail: "no commit record is intact")
        }
        guard commit.analyzerVersion == Analyzer.tableVersion else { throw .analyzerMismatch(path: path) }
        guard commit.nextDocumentBase <= UInt64(Int32.max) * 1024 else {
            throw .corrupt(path: path, detail: "the commit's document ids are out of range")
        }
        self.slot = slot
        self.commit = commit
        newerCommitDamaged = skipped
        var segments: [OpenSegment] = []
        var live = 0
        for (i, ref) in commit.segments.enumerated() {
            guard ref.offset >= UInt64(FileHeader.size), ref.offset <= slot.recordOffset,
                  ref.length <= slot.recordOffset - ref.offset,
                  let bytes = b.slice(Int(ref.offset), Int(ref.length)) else {
                throw .corrupt(path: path, detail: "segment \(i) lies outside the committed file")
            }
            guard ref.documentBase <= commit.nextDocumentBase,
                  UInt64(ref.documentCount) <= commit.nextDocumentBase - ref.documentBase else {
                throw .corrupt(path: path, detail: "segment \(i) has document ids past the commit's")
            }
            let reader = try IndexReader(bytes: bytes, file: file, path: path)
            guard reader.statistics.documentCount == ref.documentCount else {
                throw .corrupt(path: path, detail: "segment \(i) holds \(reader.statistics.documentCount) documents, its commit says \(ref.documentCount)")
            }
            var deletions = SegmentDeletions(documentCount: ref.documentCount)
            if ref.deletionsLength > 0 {
                guard ref.deletionsOffset >= UInt64(FileHeader.size), ref.deletionsOffset <= slot.recordOffset,
                      ref.deletionsLength <= slot.recordOffset - ref.deletionsOffset,
                      let raw = b.slice(Int(ref.deletionsOffset), Int(ref.deletionsLength)) else {
                    throw .corrupt(path: path, detail: "deletions of segment \(i) lie outside the committed file")
                }
                guard Checksum.xxh64(raw) == ref.deletionsChecksum else {
                    throw .checksumMismatch(path: path, section: "deletions of segment \(i)")
                }
                guard let decoded = SegmentDeletions(loading: raw, documentCount: ref.documentCount),
                      decoded.deletedCount == ref.deletedCount,
                      decoded.decrements.last.map({ Int($0.ordinal) < reader.ordinalCount }) ?? true else {
                    throw .corrupt(path: path, detail: "deletions of segment \(i) do not decode")
                }
                deletions = decoded
            } else if ref.deletedCount != 0 {
                throw .corrupt(path: path, detail: "segment \(i) counts deletions it does not store")
            }
            live += ref.documentCount - ref.deletedCount
            segments.append(OpenSegment(reader: reader, reference: ref, deletions: deletions))
        }
        guard live == commit.liveDocuments else {
            throw .corrupt(path: path, detail: "the commit counts \(commit.liveDocuments) live documents, its segments \(live)")
        }
        self.segments = segments
    }

    /// Bytes of the file that no part of this commit uses: replaced segments, old deletions and commit records,
    /// and a torn tail.
    var deadBytes: Int {
        let used = FileHeader.size + Int(slot.recordLength)
            + commit.segments.reduce(0) { $0 + Int($1.length) + Int($1.deletionsLength) }
        return max(0, file.bytes.count - used)
    }

    /// The end of the committed data: where the next commit appends.
    var committedEnd: Int { Int(slot.recordOffset + slot.recordLength) }
}

/// One commit: the segments that make up the index at that moment, their deletions, and the corpus
/// statistics over the live documents (so N, the average lengths and every idf are those of a fresh build).
///
/// ```
/// CommitRecord     --> "ZHCOMMIT" (8), generation u64, nextDocumentBase u64, liveDocuments u64,
///                      textTokens u64, titleTokens u64, analyzerVersion u64, sourceLength u32,
///                      segmentCount u32, source (sourceLength bytes, UTF-8), SegmentReference^segmentCount
/// SegmentReference --> offset u64, length u64, documentBase u64, documentCount u32, deletedCount u32,
///                      deletionsOffset u64, deletionsLength u64, deletionsChecksum u64                (56 bytes)
/// ```
/// Offsets are from the start of the file. `source` is the absolute corpus folder the index follows ("" for an
/// index built from documents in memory). A segment without deletions has `deletionsLength` 0.
struct CommitRecord: Equatable {
    static let magic: [UInt8] = Array("ZHCOMMIT".utf8)
    static let fixedSize = 64
    static let referenceSize = 56

    var generation: UInt64
    /// The document id the next segment's first document gets (ids are `documentBase + local number`).
    var nextDocumentBase: UInt64
    var liveDocuments: Int
    var textTokens: Int
    var titleTokens: Int
    var analyzerVersion: UInt64
    var source: String
    var segments: [SegmentReference]

    func encode(into w: inout ByteWriter) {
        w.append(Self.magic)
        w.u64(generation); w.u64(nextDocumentBase); w.u64(UInt64(liveDocuments))
        w.u64(UInt64(textTokens)); w.u64(UInt64(titleTokens)); w.u64(analyzerVersion)
        let sourceBytes = Array(source.utf8)
        w.u32(UInt32(sourceBytes.count)); w.u32(UInt32(segments.count))
        w.append(sourceBytes)
        for s in segments { s.encode(into: &w) }
    }

    /// Decodes a record whose checksum was already checked; nil when its values are impossible.
    init?(loading b: UnsafeRawBufferPointer) {
        guard b.count >= Self.fixedSize, b.hasBytes(Self.magic, at: 0) else { return nil }
        let limit = UInt64(Int32.max) * 1024
        let live = b.u64Unchecked(at: 24), text = b.u64Unchecked(at: 32), title = b.u64Unchecked(at: 40)
        guard live <= limit, text <= limit, title <= limit else { return nil }
        generation = b.u64Unchecked(at: 8)
        nextDocumentBase = b.u64Unchecked(at: 16)
        liveDocuments = Int(live); textTokens = Int(text); titleTokens = Int(title)
        analyzerVersion = b.u64Unchecked(at: 48)
        let sourceLength = Int(b.u32Unchecked(at: 56)), count = Int(b.u32Unchecked(at: 60))
        guard b.count == Self.fixedSize + sourceLength + count * Self.referenceSize,
              let sourceBytes = b.slice(Self.fixedSize, sourceLength) else { return nil }
        source = String(decoding: sourceBytes, as: UTF8.self)
        var segments: [SegmentReference] = []
        for i in 0..<count {
            guard let s = SegmentReference(loading: b, at: Self.fixedSize + sourceLength + i * Self.referenceSize) else {
                return nil
            }
            segments.append(s)
        }
        self.segments = segments
    }

    init(generation: UInt64, nextDocumentBase: UInt64, liveDocuments: Int, textTokens: Int, titleTokens: Int,
         analyzerVersion: UInt64, source: String, segments: [SegmentReference]) {
        self.generation = generation; self.nextDocumentBase = nextDocumentBase; self.liveDocuments = liveDocuments
        self.textTokens = textTokens; self.titleTokens = titleTokens; self.analyzerVersion = analyzerVersion
        self.source = source; self.segments = segments
    }
}

extension CommitRecord {
    /// The first commit of a new file: its one segment (none for an empty index), every document live.
    static func first(segment: SegmentReference?, statistics: IndexStatistics?, source: String) -> CommitRecord {
        let documents = statistics?.documentCount ?? 0
        return CommitRecord(generation: 1, nextDocumentBase: UInt64(documents), liveDocuments: documents,
                            textTokens: statistics?.textTokens ?? 0, titleTokens: statistics?.titleTokens ?? 0,
                            analyzerVersion: Analyzer.tableVersion, source: source, segments: segment.map { [$0] } ?? [])
    }
}

/// Where one segment and its current deletions lie in the file.
struct SegmentReference: Equatable {
    var offset: UInt64
    var length: UInt64
    var documentBase: UInt64
    /// Documents in the segment, deleted ones included.
    var documentCount: Int
    var deletedCount: Int
    var deletionsOffset: UInt64
    var deletionsLength: UInt64
    var deletionsChecksum: UInt64

    func encode(into w: inout ByteWriter) {
        w.u64(offset); w.u64(length); w.u64(documentBase)
        w.u32(UInt32(documentCount)); w.u32(UInt32(deletedCount))
        w.u64(deletionsOffset); w.u64(deletionsLength); w.u64(deletionsChecksum)
    }

    init?(loading b: UnsafeRawBufferPointer, at o: Int) {
        guard let r = b.slice(o, CommitRecord.referenceSize) else { return nil }
        offset = r.u64Unchecked(at: 0); length = r.u64Unchecked(at: 8); documentBase = r.u64Unchecked(at: 16)
        documentCount = Int(r.u32Unchecked(at: 24)); deletedCount = Int(r.u32Unchecked(at: 28))
        deletionsOffset = r.u64Unchecked(at: 32); deletionsLength = r.u64Unchecked(at: 40)
        deletionsChecksum = r.u64Unchecked(at: 48)
        guard deletedCount <= documentCount else { return nil }
    }

    init(offset: UInt64, length: UInt64, documentBase: UInt64, documentCount: Int, deletedCount: Int = 0,
         deletionsOffset: UInt64 = 0, deletionsLength: UInt64 = 0, deletionsChecksum: UInt64 = 0) {
        self.offset = offset; self.length = length; self.documentBase = documentBase
        self.documentCount = documentCount; self.deletedCount = deletedCount
        self.deletionsOffset = deletionsOffset; self.deletionsLength = deletionsLength
        self.deletionsChecksum = deletionsChecksum
    }
}

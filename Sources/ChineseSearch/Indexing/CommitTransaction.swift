import Dispatch

/// One commit being prepared by `IndexWriter`: deletions marked against the opened commit, new documents and
/// merges appended past its end, then the new commit record published.
///
/// Every statistic is kept exact over live documents: deleting a document subtracts its field lengths from
/// the commit's totals and records its terms' decrements in its segment's deletions.
struct CommitTransaction {
    private let snapshot: IndexSnapshot
    private let options: IndexBuildOptions
    private let appender: IndexFileAppender
    private var deletions: [SegmentDeletions]
    private var changed: [Bool]
    private var live: Int
    private var textTokens: Int
    private var titleTokens: Int
    private var nextBase: UInt64
    /// Segments of the new commit: kept old ones (by index, nil once merged away) and newly written ones.
    private var kept: [Bool]
    private var written: [SegmentReference] = []

    init(snapshot: IndexSnapshot, options: IndexBuildOptions) throws(IndexError) {
        self.snapshot = snapshot
        self.options = options
        appender = try IndexFileAppender(path: snapshot.path, committedEnd: snapshot.committedEnd)
        deletions = snapshot.segments.map(\.deletions)
        changed = snapshot.segments.map { _ in false }
        kept = snapshot.segments.map { _ in true }
        live = snapshot.commit.liveDocuments
        textTokens = snapshot.commit.textTokens
        titleTokens = snapshot.commit.titleTokens
        nextBase = snapshot.commit.nextDocumentBase
    }

    /// Marks the live documents with these paths deleted; returns how many there were.
    mutating func delete(paths: [String]) throws(IndexError) -> Int {
        var count = 0
        for p in paths {
            for (i, segment) in snapshot.segments.enumerated() {
                var copy = p
                let found = copy.withUTF8 { segment.reader.document(withPath: UnsafeRawBufferPointer($0)) }
                guard let d = found.map(UInt32.init), !deletions[i].isDeleted(d) else { continue }
                guard let decrements = DocumentTerms.decrements(of: Int(d), in: segment.reader) else {
                    throw .corrupt(path: snapshot.path, detail: "document '\(p)' has terms its segment's dictionary lacks")
                }
                deletions[i].markDeleted(d)
                deletions[i].add(decrements)
                changed[i] = true
                live -= 1
                textTokens -= Int(segment.reader.textLength(d))
                titleTokens -= Int(segment.reader.titleLength(d))
                count += 1
            }
        }
        return count
    }

    /// The old segment `i` with this transaction's deletions.
    private func current(_ i: Int) -> OpenSegment {
        let s = snapshot.segments[i]
        var reference = s.reference
        reference.deletedCount = deletions[i].deletedCount
        return OpenSegment(reader: s.reader, reference: reference, deletions: deletions[i])
    }

    /// Appends a segment of `documents` (sorted by path, distinct) merged with the old segments `MergePolicy`
    /// picks; with no documents, merges only segments whose deletions passed the policy's share.
    mutating func add(_ documents: [SourceDocument], stamps: [SourceStamp]) throws(IndexError) {
        let counts = snapshot.segments.indices.map { i in
            (live: current(i).liveCount, deleted: deletions[i].deletedCount)
        }
        let merging = MergePolicy.merge(newDocuments: documents.count, segments: counts)
            .filter { documents.count > 0 || counts[$0].deleted > 0 }
        guard !documents.isEmpty || !merging.isEmpty else { return }
        var runs = try SegmentRun.make(merging.map(current), threads: options.threads)
        for i in merging { kept[i] = false }
        if !documents.isEmpty {
            let sizes = documents.map { $0.title.utf8.count + $0.body.utf8.count + 1 }
            let spill = TemporaryFiles.path(besides: snapshot.path)
            let inverted = try IndexBuilder.invert(
                sizes: sizes, names: documents.map(\.path), options: options, spillPrefix: spill, started: .now(),
                makeLoader: { { .document(documents[$0], invalidUTF8: false, stamp: stamps[$0]) } })
            runs.append(contentsOf: inverted.runs)
        }
        CrashPoints.reach("before segment")
        let segment = try SegmentWriting.write(runs: runs, to: appender, documentBase: nextBase,
                                               spillPath: TemporaryFiles.path(besides: snapshot.path) + ".positions",
                                               threads: options.threads)
        CrashPoints.reach("segment written")
        guard let segment else { return }
        let mergedLive = merging.reduce(0) { $0 + counts[$1].live }
        live += segment.statistics.documentCount - mergedLive
        // The merged segments' live documents were counted already; add only the new documents' lengths.
        var mergedText = 0, mergedTitle = 0
        for i in merging {
            let s = current(i)
            for d in 0..<UInt32(s.reference.documentCount) where !s.isDeleted(d) {
                mergedText += Int(s.reader.textLength(d))
                mergedTitle += Int(s.reader.titleLength(d))
            }
        }
        textTokens += segment.statistics.textTokens - mergedText
        titleTokens += segment.statistics.titleTokens - mergedTitle
        nextBase += UInt64(segment.statistics.documentCount)
        written.append(segment.reference)
    }

    /// Writes the changed deletion sets and the commit record, then publishes it.
    mutating func publish() throws(IndexError) {
        var references: [SegmentReference] = []
        for i in snapshot.segments.indices where kept[i] {
            var reference = snapshot.segments[i].reference
            if changed[i] {
                var bytes = ByteWriter()
                deletions[i].encode(into: &bytes)
                reference.deletionsOffset = UInt64(try appender.append(bytes.bytes))
                reference.deletionsLength = UInt64(bytes.count)
                reference.deletionsChecksum = bytes.bytes.withUnsafeBytes { Checksum.xxh64($0) }
                reference.deletedCount = deletions[i].deletedCount
            }
            references.append(reference)
        }
        CrashPoints.reach("deletions written")
        references.append(contentsOf: written)
        let c = snapshot.commit
        let commit = CommitRecord(generation: c.generation + 1, nextDocumentBase: nextBase, liveDocuments: live,
                                  textTokens: textTokens, titleTokens: titleTokens, analyzerVersion: c.analyzerVersion,
                                  source: c.source, segments: references)
        try appender.publish(commit)
    }
}

/// Writes one segment from runs into an index file being appended to.
enum SegmentWriting {
    /// A written segment: its reference for the commit record, and its statistics.
    struct Written {
        var reference: SegmentReference
        var statistics: IndexStatistics
    }

    /// Merges `runs` (consecutive document ranges, in order) into a segment at the end of `appender`; nil when
    /// the runs hold no document (an empty segment is never written). The merge runs on up to `threads` workers;
    /// its parts stream through temporary files named from `spillPath` (in memory when nil).
    static func write(runs: [Run], to appender: IndexFileAppender, documentBase: UInt64,
                      spillPath: String?, threads: Int) throws(IndexError) -> Written? {
        guard runs.contains(where: { $0.documentCount > 0 }) else { return nil }
        var statistics: IndexStatistics?
        let (offset, length) = try appender.appendSegment { (file) throws(IndexError) in
            var assembler = IndexAssembler(runs: runs, file: file, spillPath: spillPath, threads: threads)
            try assembler.write()
            statistics = assembler.statistics
        }
        let stats = statistics!
        return Written(reference: SegmentReference(offset: UInt64(offset), length: UInt64(length), documentBase: documentBase,
                                                   documentCount: stats.documentCount),
                       statistics: stats)
    }
}

/// The bytes of a whole index file held in memory: header, one segment, its commit.
enum InMemoryIndex {
    static func file(segment: [UInt8], statistics: IndexStatistics) -> [UInt8] {
        var bytes = FileHeader.empty()
        let empty = statistics.documentCount == 0
        let reference = SegmentReference(offset: UInt64(bytes.count), length: UInt64(segment.count), documentBase: 0,
                                         documentCount: statistics.documentCount)
        if !empty { bytes.append(contentsOf: segment) }
        while bytes.count % 8 != 0 { bytes.append(0) }
        let commit = CommitRecord.first(segment: empty ? nil : reference, statistics: statistics, source: "")
        var record = ByteWriter()
        commit.encode(into: &record)
        let at = bytes.count
        bytes.append(contentsOf: record.bytes)
        let slot = FileHeader.slotOffset(Int(commit.generation % 2))
        bytes.replaceSubrange(slot..<(slot + CommitSlot.size),
                              with: CommitSlot(sealing: record.bytes, generation: commit.generation, at: at).encoded)
        return bytes
    }
}

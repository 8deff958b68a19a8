import Foundation

/// Writes a whole new index file under a temporary name and renames it over the old one: for a new empty index,
/// to reclaim dead space, and for compaction. Open readers keep the old file's inode, so they go on answering.
enum IndexFileRewriter {
    /// Creates an empty index (one commit, no segments) at `path`.
    static func createEmpty(_ path: String, source: String) throws(IndexError) {
        try replace(path) { (appender) throws(IndexError) in
            CommitRecord.first(segment: nil, statistics: nil, source: source)
        }
    }

    /// Rewrites `snapshot`'s commit into a new file: its segments and deletions copied as they are, or, when
    /// `compacting`, merged into one segment without deleted documents.
    static func rewrite(_ snapshot: IndexSnapshot, compacting: Bool) throws(IndexError) {
        let c = snapshot.commit
        try replace(snapshot.path) { (appender) throws(IndexError) in
            var references: [SegmentReference] = []
            var nextBase = c.nextDocumentBase
            if compacting {
                let threads = ProcessInfo.processInfo.activeProcessorCount
                let runs = try SegmentRun.make(snapshot.segments, threads: threads)
                nextBase = 0
                if let written = try SegmentWriting.write(runs: runs, to: appender, documentBase: 0,
                                                          spillPath: TemporaryFiles.path(besides: snapshot.path) + ".positions",
                                                          threads: threads) {
                    references.append(written.reference)
                    nextBase = UInt64(written.statistics.documentCount)
                }
            } else {
                let b = snapshot.file.bytes
                for s in snapshot.segments {
                    var r = s.reference
                    r.offset = UInt64(try appender.append(Array(b.slice(Int(r.offset), Int(r.length))!)))
                    if r.deletionsLength > 0 {
                        r.deletionsOffset = UInt64(try appender.append(Array(b.slice(Int(r.deletionsOffset), Int(r.deletionsLength))!)))
                    }
                    references.append(r)
                }
            }
            return CommitRecord(generation: c.generation + 1, nextDocumentBase: nextBase, liveDocuments: c.liveDocuments,
                                textTokens: c.textTokens, titleTokens: c.titleTokens, analyzerVersion: c.analyzerVersion,
                                source: c.source, segments: references)
        }
    }

    /// Writes a new file at `PATH.tmp-<pid>` with the blobs `body` appends and the commit it returns, syncs it,
    /// and renames it over `path`.
    private static func replace(_ path: String, _ body: (IndexFileAppender) throws(IndexError) -> CommitRecord) throws(IndexError) {
        TemporaryFiles.removeStale(besides: path)
        let temporary = TemporaryFiles.path(besides: path)
        var finished = false
        defer { if !finished { SystemFile.remove(temporary) } }
        let appender = try IndexFileAppender(creating: temporary)
        try appender.publish(try body(appender))
        CrashPoints.reach("rewritten")
        try SystemFile.replace(path, with: temporary)
        finished = true
        SystemFile.syncFolder(of: path)
    }
}

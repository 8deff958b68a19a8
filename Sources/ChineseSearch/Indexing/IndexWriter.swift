import Dispatch
import Foundation

/// Changes an index file in place: adds, replaces and deletes documents, made visible all at once by `commit()`.
///
/// Only one writer may be open on an index at a time (an exclusive lock on `PATH.lock`; a second writer gets
/// `IndexError.locked` at once). Readers in any process go on answering from the commit they opened. A commit
/// appends a segment with the new documents, marks replaced and deleted documents in per-segment deletion sets
/// (with the document-frequency decrements they take, so every score stays that of a fresh build), merges
/// segments by `MergePolicy`, and publishes the new commit last; a crash at any point leaves the previous
/// commit answering. When more than half the file is dead space the file is rewritten under a temporary name
/// and renamed over `PATH`.
///
/// Nothing is visible before `commit()`; `rollback()`, or dropping the writer, discards pending changes.
public final class IndexWriter {
    /// The index file.
    public let path: String
    private let options: IndexBuildOptions
    private let lock: FileLock
    private var added: [String: (document: SourceDocument, stamp: SourceStamp)] = [:]
    private var deleted: Set<String> = []

    /// Opens a writer on the index at `path`, creating an empty index there when there is none.
    /// - Parameters:
    ///   - path: The index file.
    ///   - source: For a new index, the corpus folder it follows ("" for documents given in memory).
    ///   - options: Threads and memory for inverting the added documents.
    /// - Throws: `IndexError.locked` when another writer is open on the index, `IndexError` when it cannot be
    ///   opened or created.
    public init(path: String, source: String = "", options: IndexBuildOptions = IndexBuildOptions()) throws(IndexError) {
        self.path = path
        self.options = options
        lock = try FileLock.forIndex(path)
        TemporaryFiles.removeStale(besides: path)
        if (try? SystemFile.status(path)) == nil { try IndexFileRewriter.createEmpty(path, source: source) }
    }

    /// Whether changes are pending.
    public var hasChanges: Bool { !added.isEmpty || !deleted.isEmpty }

    /// Adds `document`, replacing any document with the same path (in the index or added before). O(1).
    public func add(_ document: SourceDocument, stamp: SourceStamp = .none) {
        added[document.path] = (document, stamp)
        deleted.remove(document.path)
    }

    /// Deletes the document with path `path` (if there is one). O(1).
    public func delete(path: String) {
        added[path] = nil
        deleted.insert(path)
    }

    /// Discards every change since the last commit.
    public func rollback() {
        added = [:]
        deleted = []
    }

    /// The newest commit of the index, as readers would open it.
    public func currentIndex() throws(IndexError) -> SearchIndex { SearchIndex(snapshot: try IndexSnapshot(path: path)) }

    /// Makes every change since the last commit visible at once, durably. A commit with nothing pending writes nothing.
    /// - Returns: What the commit did.
    /// - Throws: `IndexError` when the file cannot be written or the index is damaged; the previous commit then
    ///   still answers and the pending changes are kept.
    /// - Complexity: O(added text + deleted documents' text + merged segments + live document count / 64).
    @discardableResult
    public func commit() throws(IndexError) -> IndexCommitSummary {
        let started = DispatchTime.now()
        let snapshot = try IndexSnapshot(path: path)
        guard hasChanges else { return summary(snapshot, added: 0, deleted: 0, started: started) }
        var transaction = try CommitTransaction(snapshot: snapshot, options: options)
        let removed = try transaction.delete(paths: deleted.union(added.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let newDocuments = added.values.map(\.document).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let stamps = newDocuments.map { added[$0.path]!.stamp }
        try transaction.add(newDocuments, stamps: stamps)
        try transaction.publish()
        rollback()
        var latest = try IndexSnapshot(path: path)
        if latest.deadBytes > latest.file.bytes.count / 2 {
            try IndexFileRewriter.rewrite(latest, compacting: false)
            latest = try IndexSnapshot(path: path)
        }
        return summary(latest, added: newDocuments.count, deleted: removed, started: started)
    }

    /// Commits pending changes, then rewrites the index as one segment with no deleted documents and no dead
    /// space (under a temporary name, renamed over `PATH`; open readers keep their snapshot).
    @discardableResult
    public func compact() throws(IndexError) -> IndexCommitSummary {
        let started = DispatchTime.now()
        let committed = try commit()
        try IndexFileRewriter.rewrite(try IndexSnapshot(path: path), compacting: true)
        return summary(try IndexSnapshot(path: path), added: committed.added, deleted: committed.deleted, started: started)
    }

    private func summary(_ s: IndexSnapshot, added: Int, deleted: Int, started: DispatchTime) -> IndexCommitSummary {
        IndexCommitSummary(added: added, deleted: deleted, documents: s.commit.liveDocuments, segments: s.segments.count,
                           fileBytes: s.file.bytes.count, deadBytes: s.deadBytes, generation: s.commit.generation,
                           seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }
}

/// What one commit did.
public struct IndexCommitSummary: Sendable, Equatable {
    /// Documents written (new or replacing one with the same path).
    public var added: Int
    /// Documents marked deleted (replaced or deleted).
    public var deleted: Int
    /// Live documents after the commit.
    public var documents: Int
    /// Segments after the commit.
    public var segments: Int
    /// Size of the index file after the commit.
    public var fileBytes: Int
    /// Bytes of the file no longer used.
    public var deadBytes: Int
    /// The commit's generation.
    public var generation: UInt64
    /// Wall-clock seconds.
    public var seconds: Double
}

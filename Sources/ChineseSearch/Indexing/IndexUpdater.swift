import Dispatch
import Foundation

/// What an update of an index from its corpus folder did.
public struct IndexUpdateSummary: Sendable {
    /// Files new since the last update, indexed.
    public var added: Int
    /// Files whose content changed, indexed again.
    public var changed: Int
    /// Documents whose files are gone (or can no longer be read), deleted.
    public var deleted: Int
    /// Files left as they were (including ones whose stat changed but whose content did not).
    public var unchanged: Int
    /// Files read and hashed because their size or modification time changed.
    public var filesRead: Int
    /// Files that could not be indexed, in path order; they are tried again on the next update.
    public var skipped: [SkippedFile]
    /// Files indexed with invalid UTF-8 replaced by U+FFFD.
    public var invalidUTF8: [String]
    /// Files indexed whose front matter date could not be read (the date as written is kept).
    public var unreadableDates: [String] = []
    /// The commit made (nothing changed: the existing commit).
    public var commit: IndexCommitSummary
    /// Wall-clock seconds.
    public var seconds: Double
}

/// Brings an index up to date with the folder it was built from, as Xapian's `omindex` does: only files whose
/// size or modification time changed ("≠", never "≤": a file restored from a backup is older, not unchanged)
/// are read and hashed; only those whose content hash changed are indexed again; documents whose files are
/// gone are deleted, new files added; all in one commit.
public enum IndexUpdater {
    /// Updates the index at `indexPath` from `corpusDirectory`.
    /// - Throws: `IndexError.otherSource` when the index follows another folder, `IndexError.unsupportedVersion`
    ///   for an index of another format version, `IndexError.locked` when another writer is at work,
    ///   `CorpusError` when the folder cannot be walked.
    public static func update(corpusDirectory: String, indexPath: String,
                              options: IndexBuildOptions = IndexBuildOptions()) throws -> IndexUpdateSummary {
        let started = DispatchTime.now()
        let writer = try IndexWriter(path: indexPath, options: options)
        let index = try writer.currentIndex()
        let source = (try? System.resolvedPath(corpusDirectory)) ?? corpusDirectory
        guard index.sourceFolder == source else {
            throw IndexError.otherSource(path: indexPath, recorded: index.sourceFolder, given: source)
        }
        let corpus = try CorpusInput(directory: corpusDirectory)
        var reader = CorpusFileReader()
        var tally = Tally()
        for (i, path) in corpus.paths.enumerated() {
            let recorded = index.snapshot.liveStamp(ofPath: path)
            if let recorded, recorded.size == corpus.sizes[i], recorded.modificationTime == corpus.modificationTimes[i] {
                tally.unchanged += 1
                continue
            }
            tally.filesRead += 1
            switch corpus.load(i, reader: &reader) {
            case .document(let document, let invalidUTF8, let stamp):
                if let recorded, recorded.contentHash == stamp.contentHash {
                    tally.unchanged += 1
                    continue
                }
                writer.add(document, stamp: stamp)
                if invalidUTF8 { tally.invalidUTF8.append(path) }
                if !document.date.isEmpty && DocumentDate.instant(document.date) == nil { tally.unreadableDates.append(path) }
                if recorded == nil { tally.added += 1 } else { tally.changed += 1 }
            case .skipped(let reason):
                tally.skipped.append(SkippedFile(path: path, reason: reason))
                if recorded != nil {
                    writer.delete(path: path)
                    tally.deleted += 1
                }
            }
        }
        let present = Set(corpus.paths)
        for path in index.snapshot.livePaths() where !present.contains(path) {
            writer.delete(path: path)
            tally.deleted += 1
        }
        let commit = try writer.commit()
        return IndexUpdateSummary(added: tally.added, changed: tally.changed, deleted: tally.deleted,
                                  unchanged: tally.unchanged, filesRead: tally.filesRead, skipped: tally.skipped,
                                  invalidUTF8: tally.invalidUTF8, unreadableDates: tally.unreadableDates, commit: commit,
                                  seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }

    /// What an update found, file by file.
    private struct Tally {
        var added = 0, changed = 0, deleted = 0, unchanged = 0, filesRead = 0
        var skipped: [SkippedFile] = [], invalidUTF8: [String] = [], unreadableDates: [String] = []
    }
}

extension IndexSnapshot {
    /// The paths of live documents with a date as written that could not be read. O(live documents).
    func unreadableDates() -> [String] {
        var paths: [String] = []
        for segment in segments {
            for d in 0..<UInt32(segment.reference.documentCount) where !segment.isDeleted(d) {
                if segment.reader.date(d) == FieldRecord.noDate && !segment.reader.documentDate(Int(d)).isEmpty {
                    paths.append(segment.reader.documentPath(Int(d)))
                }
            }
        }
        return paths
    }

    /// The stamp of the live document with path `path`, if there is one. O(segments · log documents).
    func liveStamp(ofPath path: String) -> SourceStamp? {
        for segment in segments {
            if let d = segment.liveDocument(withPath: path) { return segment.reader.sourceStamp(Int(d)) }
        }
        return nil
    }

    /// The paths of every live document. O(live documents).
    func livePaths() -> [String] {
        var paths: [String] = []
        paths.reserveCapacity(commit.liveDocuments)
        for segment in segments {
            for d in 0..<segment.reference.documentCount where !segment.isDeleted(UInt32(d)) {
                paths.append(segment.reader.documentPath(d))
            }
        }
        return paths
    }
}

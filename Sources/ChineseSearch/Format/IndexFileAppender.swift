import Foundation

/// Appends blobs (segments, deletions, a commit record) to an index file and publishes a commit.
///
/// The commit protocol: every new byte is written past the committed end, then `fsync`; only then is the new
/// commit's slot written and synced. A crash at any moment leaves the previous slot (and everything it
/// references) untouched, so the last commit keeps answering; bytes past it are a torn tail that the next
/// update overwrites. Nothing before the committed end is ever changed but the slot being replaced.
final class IndexFileAppender {
    let path: String
    private let fd: Int32
    /// Where the next blob goes.
    private(set) var end: Int

    /// Opens `path` for appending after `committedEnd`.
    init(path: String, committedEnd: Int) throws(IndexError) {
        self.path = path
        fd = try SystemFile.openForUpdate(path, create: false)
        end = committedEnd
    }

    /// Creates `path` (truncating it) holding an empty file header: for a new file written under a temporary name.
    init(creating path: String) throws(IndexError) {
        self.path = path
        fd = try SystemFile.create(path)
        try SystemFile.writeAll(fd, FileHeader.empty(), at: 0, path: path)
        end = FileHeader.size
    }

    deinit { SystemFile.close(fd) }

    /// Writes `bytes` at the end (8-byte aligned) and returns where they went.
    func append(_ bytes: [UInt8]) throws(IndexError) -> Int {
        end = (end + 7) & ~7
        let at = end
        try SystemFile.writeAll(fd, bytes, at: at, path: path)
        end += bytes.count
        return at
    }

    /// Writes a segment at the end through `body` and returns its offset and length.
    func appendSegment(_ body: (IndexFileWriter) throws(IndexError) -> Void) throws(IndexError) -> (offset: Int, length: Int) {
        end = (end + 7) & ~7
        let writer = IndexFileWriter(descriptor: fd, path: path, base: end)
        try body(writer)
        let length = try writer.finish()
        let at = end
        end += length
        return (at, length)
    }

    /// Appends `commit`'s record, syncs, then writes and syncs its slot: the commit is durable and visible.
    func publish(_ commit: CommitRecord) throws(IndexError) {
        var record = ByteWriter()
        commit.encode(into: &record)
        let at = try append(record.bytes)
        CrashPoints.reach("record written")
        try SystemFile.sync(fd, path: path)
        CrashPoints.reach("record synced")
        let slot = CommitSlot(sealing: record.bytes, generation: commit.generation, at: at).encoded
        let offset = FileHeader.slotOffset(Int(commit.generation % 2))
        if CrashPoints.isAt("slot torn") {
            try SystemFile.writeAll(fd, Array(slot.prefix(CommitSlot.size / 2)), at: offset, path: path)
            System.exitImmediately(137)
        }
        try SystemFile.writeAll(fd, slot, at: offset, path: path)
        CrashPoints.reach("slot written")
        try SystemFile.sync(fd, path: path)
    }
}

/// A test hook: with `CHINESESEARCH_CRASH_AT=N` in the environment, the N-th crash point an update passes ends
/// the process at once (as `kill -9` would), so the crash tests can stop it at every step of a commit.
enum CrashPoints {
    private static let target: Int = Int(ProcessInfo.processInfo.environment["CHINESESEARCH_CRASH_AT"] ?? "") ?? 0
    nonisolated(unsafe) private static var passed = 0

    /// Counts a crash point, ending the process if it is the chosen one.
    static func reach(_ name: String) {
        if isAt(name) { System.exitImmediately(137) }
    }

    /// Counts a crash point; true if it is the chosen one (the caller then crashes its own way).
    static func isAt(_ name: String) -> Bool {
        guard target > 0 else { return false }
        passed += 1
        return passed == target
    }
}

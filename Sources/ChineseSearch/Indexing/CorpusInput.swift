/// A corpus folder as build input: its files in sorted order with their sizes, modification times and
/// identities, and per-worker loaders.
///
/// Folders the walk could not list are inputs too, in path order, whose load is always a skip: so they
/// reach the build summary as skipped entries with their reason, like unreadable files.
struct CorpusInput: Sendable {
    let root: String
    /// Paths relative to `root`, sorted; the index of a path is its document id before skipped files.
    let paths: [String]
    /// File sizes in bytes (for chunking and progress), and modification times in nanoseconds (0 when unknown).
    let sizes: [Int]
    let modificationTimes: [Int64]
    /// What the walk recorded per path: the file's identity, or why it is skipped.
    private let entries: [Entry]

    private enum Entry: Sendable {
        case file(FileIdentity)
        case skipped(SkipReason)
    }

    init(directory: String) throws(CorpusError) {
        root = directory
        let listing = try CorpusWalker.listing(in: directory)
        var merged: [(path: String, size: Int, time: Int64, entry: Entry)] =
            listing.files.map { ($0.path, $0.size, $0.modificationTime, .file($0.identity)) }
        merged += listing.skippedFolders.map { ($0.path, 0, 0, .skipped($0.reason)) }
        merged.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        paths = merged.map(\.path)
        sizes = merged.map(\.size)
        modificationTimes = merged.map(\.time)
        entries = merged.map(\.entry)
    }

    /// A loader for one worker: reads, hashes and parses input `i`, with one reusable read buffer.
    func makeLoader() -> (Int) -> DocumentLoad {
        var reader = CorpusFileReader()
        return { [self] i in load(i, reader: &reader) }
    }

    /// Reads and parses input `i`; the file read must be the one the walk listed (same device and inode). Its
    /// stamp carries the walk's size and modification time and the hash of the bytes read.
    func load(_ i: Int, reader: inout CorpusFileReader) -> DocumentLoad {
        let path = paths[i]
        guard case .file(let identity) = entries[i] else {
            if case .skipped(let reason) = entries[i] { return .skipped(reason.description) }
            return .skipped(SkipReason.changed.description)
        }
        switch reader.read("\(root)/\(path)", expecting: identity, { (Checksum.xxh64($0), DocumentParser.parse($0, path: path)) }) {
        case .success(let (hash, parsed)):
            return .document(parsed.document, invalidUTF8: parsed.invalidUTF8,
                             stamp: SourceStamp(size: sizes[i], modificationTime: modificationTimes[i], contentHash: hash))
        case .failure(let reason): return .skipped(reason.description)
        }
    }
}

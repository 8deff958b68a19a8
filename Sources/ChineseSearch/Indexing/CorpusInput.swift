/// A corpus folder as build input: its files in sorted order with their sizes, and per-worker loaders.
///
/// Folders the walk could not list are inputs too, in path order, whose load is always a skip: so they
/// reach the build summary as skipped entries with their reason, like unreadable files.
struct CorpusInput: Sendable {
    let root: String
    /// Paths relative to `root`, sorted; the index of a path is its document id before skipped files.
    let paths: [String]
    /// File sizes in bytes (for chunking and progress).
    let sizes: [Int]
    /// What the walk recorded per path: the file's identity, or why it is skipped.
    private let entries: [Entry]

    private enum Entry: Sendable {
        case file(FileIdentity)
        case skipped(SkipReason)
    }

    init(directory: String) throws(CorpusError) {
        root = directory
        let listing = try CorpusWalker.listing(in: directory)
        var merged: [(path: String, size: Int, entry: Entry)] = listing.files.map { ($0.path, $0.size, .file($0.identity)) }
        merged += listing.skippedFolders.map { ($0.path, 0, .skipped($0.reason)) }
        merged.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        paths = merged.map(\.path)
        sizes = merged.map(\.size)
        entries = merged.map(\.entry)
    }

    /// A loader for one worker: reads and parses input `i`, with one reusable read buffer. The file read must
    /// be the one the walk listed (same device and inode).
    func makeLoader() -> (Int) -> DocumentLoad {
        var reader = CorpusFileReader()
        return { [root, paths, entries] i in
            let path = paths[i]
            guard case .file(let identity) = entries[i] else {
                if case .skipped(let reason) = entries[i] { return .skipped(reason.description) }
                return .skipped(SkipReason.changed.description)
            }
            switch reader.read("\(root)/\(path)", expecting: identity, { DocumentParser.parse($0, path: path) }) {
            case .success(let parsed): return .document(parsed.document, invalidUTF8: parsed.invalidUTF8)
            case .failure(let reason): return .skipped(reason.description)
            }
        }
    }
}

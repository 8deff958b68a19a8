import Foundation

/// A corpus folder as build input: its files in sorted order with their sizes and modification times, and
/// per-worker loaders.
struct CorpusInput: Sendable {
    let root: String
    /// Paths relative to `root`, sorted; the index of a path is its document id before skipped files.
    let paths: [String]
    /// File sizes in bytes (for chunking and progress), and modification times in nanoseconds (0 when unknown).
    let sizes: [Int]
    let modificationTimes: [Int64]

    init(directory: String) throws(CorpusError) {
        root = directory
        paths = try CorpusWalker.files(in: directory)
        let stats = paths.map { SystemFile.stamp("\(directory)/\($0)") }
        sizes = stats.map { $0?.size ?? 0 }
        modificationTimes = stats.map { $0?.modificationTime ?? 0 }
    }

    /// A loader for one worker: reads, hashes and parses file `i`, with one reusable read buffer.
    func makeLoader() -> (Int) -> DocumentLoad {
        var reader = CorpusFileReader()
        return { [root, paths, sizes, modificationTimes] i in
            Self.load("\(root)/\(paths[i])", path: paths[i], size: sizes[i], modificationTime: modificationTimes[i],
                      reader: &reader)
        }
    }

    /// Reads and parses one file; its stamp carries `size`, `modificationTime` and the hash of the bytes read.
    static func load(_ absolutePath: String, path: String, size: Int, modificationTime: Int64,
                     reader: inout CorpusFileReader) -> DocumentLoad {
        switch reader.read(absolutePath, { (Checksum.xxh64($0), DocumentParser.parse($0, path: path)) }) {
        case .success(let (hash, parsed)):
            return .document(parsed.document, invalidUTF8: parsed.invalidUTF8,
                             stamp: SourceStamp(size: size, modificationTime: modificationTime, contentHash: hash))
        case .failure(let reason): return .skipped(reason.description)
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A corpus folder as build input: its files in sorted order with their sizes, and per-worker loaders.
struct CorpusInput: Sendable {
    let root: String
    /// Paths relative to `root`, sorted; the index of a path is its document id before skipped files.
    let paths: [String]
    /// File sizes in bytes (for chunking and progress).
    let sizes: [Int]

    init(directory: String) throws(CorpusError) {
        root = directory
        paths = try CorpusWalker.files(in: directory)
        sizes = paths.map { path in
            var info = stat()
            return stat("\(directory)/\(path)", &info) == 0 ? Int(info.st_size) : 0
        }
    }

    /// A loader for one worker: reads and parses file `i`, with one reusable read buffer.
    func makeLoader() -> (Int) -> DocumentLoad {
        var reader = CorpusFileReader()
        return { [root, paths] i in
            let path = paths[i]
            switch reader.read("\(root)/\(path)", { DocumentParser.parse($0, path: path) }) {
            case .success(let parsed): return .document(parsed.document, invalidUTF8: parsed.invalidUTF8)
            case .failure(let reason): return .skipped(reason.description)
            }
        }
    }
}

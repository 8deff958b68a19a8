import Dispatch
import Foundation

/// How a build runs.
public struct IndexBuildOptions: Sendable {
    /// Worker threads that parse, tokenize and invert (default: every active core).
    public var threads: Int
    /// Memory, in MB, that inverted runs may hold before they are spilled to temporary files.
    public var memoryLimitMB: Int
    /// Called now and then from worker threads with the progress so far.
    public var progress: (@Sendable (IndexBuildProgress) -> Void)?

    /// Options with every core and a 1 GB memory limit.
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, memoryLimitMB: Int = 1024,
                progress: (@Sendable (IndexBuildProgress) -> Void)? = nil) {
        self.threads = max(1, threads)
        self.memoryLimitMB = max(16, memoryLimitMB)
        self.progress = progress
    }
}

/// Progress of a running build.
public struct IndexBuildProgress: Sendable {
    /// Documents inverted so far.
    public var documents: Int
    /// Bytes of input read so far.
    public var bytes: Int
    /// Bytes of input in all.
    public var totalBytes: Int
    /// Seconds since the build started.
    public var seconds: Double
}

/// A file the build did not index, and why.
public struct SkippedFile: Sendable, Equatable {
    /// Path relative to the corpus folder.
    public var path: String
    /// Why it was skipped ("empty file", "binary file (NUL byte)", "unreadable: …").
    public var reason: String
}

/// What a finished build did.
public struct IndexBuildSummary: Sendable {
    /// Documents indexed.
    public var documents: Int
    /// Bytes of text indexed (titles and bodies after HTML removal).
    public var textBytes: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// Where the index was written.
    public var indexPath: String
    /// Size of the index file.
    public var indexBytes: Int
    /// Files that were not indexed, in path order.
    public var skipped: [SkippedFile]
    /// Files indexed with invalid UTF-8 replaced by U+FFFD, in path order.
    public var invalidUTF8: [String]
    /// Files indexed whose front matter date could not be read (the date as written is kept), in path order.
    public var unreadableDates: [String] = []
    /// Runs spilled to disk because of the memory limit.
    public var spilledRuns: Int
}

/// One input document, loaded by a worker.
enum DocumentLoad {
    case document(SourceDocument, invalidUTF8: Bool, stamp: SourceStamp)
    case skipped(String)
}

/// Builds index files from scratch: from a corpus folder, or from documents given in memory.
///
/// Workers take consecutive chunks of the sorted input, each inverted into a run; runs are merged into one
/// segment (`IndexAssembler`), followed by the first commit. The file is written to `PATH.tmp-<pid>`, synced
/// and renamed over `PATH`, so a failed or interrupted build leaves the previous index as it was; leftovers of
/// killed builds are removed by the next build. `IndexUpdater` and `IndexWriter` change an existing index.
public enum IndexBuilder {
    /// Indexes every file below `corpusDirectory` (sorted path order) into a new index at `indexPath`, replacing
    /// any index there.
    public static func build(corpusDirectory: String, indexPath: String,
                             options: IndexBuildOptions = IndexBuildOptions()) throws -> IndexBuildSummary {
        let corpus = try CorpusInput(directory: corpusDirectory)
        return try build(count: corpus.paths.count, sizes: corpus.sizes, names: corpus.paths, indexPath: indexPath,
                         source: (try? System.resolvedPath(corpusDirectory)) ?? corpusDirectory, options: options,
                         makeLoader: corpus.makeLoader)
    }

    /// Indexes `documents` (document id = array index) into a new index at `indexPath`, replacing any index
    /// there. Paths must be distinct; equal scores rank by path.
    public static func build(documents: [SourceDocument], indexPath: String,
                             options: IndexBuildOptions = IndexBuildOptions()) throws -> IndexBuildSummary {
        try checkDistinctPaths(documents)
        let sizes = documents.map { $0.title.utf8.count + $0.body.utf8.count + 1 }
        return try build(count: documents.count, sizes: sizes, names: documents.map(\.path), indexPath: indexPath,
                         source: "", options: options,
                         makeLoader: { { .document(documents[$0], invalidUTF8: false, stamp: .none) } })
    }

    /// Throws when two of `documents` share a path.
    static func checkDistinctPaths(_ documents: [SourceDocument]) throws(IndexError) {
        var seen = Set<String>()
        for d in documents where !seen.insert(d.path).inserted { throw IndexError.duplicatePath(path: d.path) }
    }

    /// Builds an index of `documents` in memory (document id = array index) and returns the file's bytes; its
    /// stored text is in blocks of `storedBlockSize` bytes.
    static func buildInMemory(documents: [SourceDocument], threads: Int = 1,
                              storedBlockSize: Int = StoredBlockIndex.blockSize) throws(IndexError) -> [UInt8] {
        try checkDistinctPaths(documents)
        let sizes = documents.map { $0.title.utf8.count + $0.body.utf8.count + 1 }
        let options = IndexBuildOptions(threads: threads, memoryLimitMB: Int.max >> 21)
        let inverted = try invert(sizes: sizes, names: documents.map(\.path), options: options, spillPrefix: nil,
                                  started: .now(),
                                  makeLoader: { { .document(documents[$0], invalidUTF8: false, stamp: .none) } })
        let file = IndexFileWriter()
        var assembler = IndexAssembler(runs: inverted.runs, file: file, spillPath: nil, threads: threads,
                                       storedBlockSize: storedBlockSize)
        try assembler.write()
        return InMemoryIndex.file(segment: file.finishInMemory(), statistics: assembler.statistics)
    }

    static func build(count: Int, sizes: [Int], names: [String], indexPath: String, source: String,
                      options: IndexBuildOptions,
                      makeLoader: @escaping @Sendable () -> (Int) -> DocumentLoad) throws -> IndexBuildSummary {
        let started = DispatchTime.now()
        let folder = (indexPath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try SystemFile.createFolders(folder) }
        let lock = try FileLock.forIndex(indexPath)
        defer { lock.unlock() }
        TemporaryFiles.removeStale(besides: indexPath)
        let temporary = TemporaryFiles.path(besides: indexPath)
        var finished = false
        defer { if !finished { SystemFile.remove(temporary) } }
        let inverted = try invert(sizes: sizes, names: names, options: options, spillPrefix: temporary,
                                  started: started, makeLoader: makeLoader)
        let appender = try IndexFileAppender(creating: temporary)
        let segment = try SegmentWriting.write(runs: inverted.runs, to: appender, documentBase: 0,
                                               spillPath: temporary + ".positions", threads: options.threads)
        let commit = CommitRecord.first(segment: segment?.reference, statistics: segment?.statistics, source: source)
        try appender.publish(commit)
        let length = appender.end
        try SystemFile.replace(indexPath, with: temporary)
        finished = true
        SystemFile.syncFolder(of: indexPath)
        let unreadableDates = (try? IndexSnapshot(path: indexPath).unreadableDates()) ?? []
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return IndexBuildSummary(documents: commit.liveDocuments, textBytes: inverted.textBytes,
                                 seconds: seconds, indexPath: indexPath, indexBytes: length, skipped: inverted.skipped,
                                 invalidUTF8: inverted.invalid, unreadableDates: unreadableDates,
                                 spilledRuns: inverted.spilled)
    }

    /// Parses, tokenizes and inverts the input on `options.threads` workers into runs in document order.
    /// Runs spill to `spillPrefix.run-N` when memory passes the limit (never when `spillPrefix` is nil).
    static func invert(sizes: [Int], names: [String], options: IndexBuildOptions, spillPrefix: String?,
                       started: DispatchTime, makeLoader: @escaping @Sendable () -> (Int) -> DocumentLoad)
        throws(IndexError) -> (runs: [Run], textBytes: Int, skipped: [SkippedFile], invalid: [String], spilled: Int) {
        let chunks = ChunkPlan(sizes: sizes, threads: options.threads)
        let state = BuildState(chunkCount: chunks.ranges.count, totalBytes: sizes.reduce(0, +),
                               memoryLimit: spillPrefix == nil ? Int.max : options.memoryLimitMB << 20,
                               started: started, progress: options.progress)
        let threads = min(options.threads, max(1, chunks.ranges.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let load = makeLoader()
            while let c = state.nextChunk() {
                var inverter = ChunkInverter()
                var skipped: [SkippedFile] = []
                var invalid: [String] = []
                for i in chunks.ranges[c] {
                    switch load(i) {
                    case .document(let document, let invalidUTF8, let stamp):
                        inverter.add(document, stamp: stamp)
                        if invalidUTF8 { invalid.append(names[i]) }
                        state.documentDone(bytes: sizes[i])
                    case .skipped(let reason):
                        skipped.append(SkippedFile(path: names[i], reason: reason))
                        state.documentDone(bytes: sizes[i], indexed: false)
                    }
                }
                let textBytes = inverter.textBytes
                let run = inverter.finish()
                state.finish(chunk: c, run: run, textBytes: textBytes, skipped: skipped, invalid: invalid,
                             spillPath: "\(spillPrefix ?? "").run-\(c)")
            }
        }
        return try state.result()
    }
}

/// Splits the input into consecutive chunks of about equal bytes: enough chunks to keep every worker busy,
/// few enough that frequent terms are not cut into many small parts.
struct ChunkPlan {
    let ranges: [Range<Int>]

    init(sizes: [Int], threads: Int) {
        let total = sizes.reduce(0, +)
        let target = min(max(total / max(1, threads * 4), 1 << 20), 32 << 20)
        var ranges: [Range<Int>] = []
        var start = 0, bytes = 0
        for (i, size) in sizes.enumerated() {
            bytes += size
            if bytes >= target {
                ranges.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        self.ranges = ranges
    }
}

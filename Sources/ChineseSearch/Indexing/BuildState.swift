import Dispatch
import Foundation

/// The state the build's workers share: the next chunk to take, finished runs in chunk order, memory in use,
/// progress. Every access holds one lock; workers touch it once per document and once per chunk.
final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var runs: [Run?]
    private var skipped: [[SkippedFile]]
    private var invalid: [[String]]
    private var textBytes = 0
    private var memoryInUse = 0
    private var spilled = 0
    private var failure: IndexError?
    private let memoryLimit: Int
    private let totalBytes: Int
    private let started: DispatchTime
    private let progress: (@Sendable (IndexBuildProgress) -> Void)?
    private var documents = 0
    private var bytes = 0
    private var lastReport: UInt64 = 0

    init(chunkCount: Int, totalBytes: Int, memoryLimit: Int, started: DispatchTime,
         progress: (@Sendable (IndexBuildProgress) -> Void)?) {
        runs = Array(repeating: nil, count: chunkCount)
        skipped = Array(repeating: [], count: chunkCount)
        invalid = Array(repeating: [], count: chunkCount)
        self.totalBytes = totalBytes
        self.memoryLimit = memoryLimit
        self.started = started
        self.progress = progress
    }

    /// The next chunk to invert, or nil when all are taken (or the build failed).
    func nextChunk() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard failure == nil, next < runs.count else { return nil }
        next += 1
        return next - 1
    }

    /// Counts one input file, and reports progress at most ten times a second.
    func documentDone(bytes size: Int, indexed: Bool = true) {
        lock.lock()
        if indexed { documents += 1 }
        bytes += size
        let now = DispatchTime.now().uptimeNanoseconds
        var report: IndexBuildProgress?
        if progress != nil, now - lastReport > 100_000_000 {
            lastReport = now
            report = IndexBuildProgress(documents: documents, bytes: bytes, totalBytes: totalBytes,
                                        seconds: Double(now - started.uptimeNanoseconds) / 1e9)
        }
        lock.unlock()
        if let report { progress?(report) }
    }

    /// Stores a finished chunk's run, spilling it to `spillPath` when memory would pass the limit.
    func finish(chunk: Int, run: Run, textBytes chunkBytes: Int, skipped chunkSkipped: [SkippedFile],
                invalid chunkInvalid: [String], spillPath: String) {
        lock.lock()
        let spill = memoryInUse + run.memoryBytes > memoryLimit
        if !spill { memoryInUse += run.memoryBytes }
        lock.unlock()
        var error: IndexError?
        if spill {
            do { try run.spill(to: spillPath) } catch let e { error = e }
        }
        lock.lock()
        runs[chunk] = run
        skipped[chunk] = chunkSkipped
        invalid[chunk] = chunkInvalid
        textBytes += chunkBytes
        if spill { spilled += 1 }
        if let error, failure == nil { failure = error }
        lock.unlock()
    }

    /// The runs in chunk order and the totals; throws the first worker error.
    func result() throws(IndexError) -> (runs: [Run], textBytes: Int, skipped: [SkippedFile], invalid: [String], spilled: Int) {
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        return (runs.compactMap { $0 }, textBytes, skipped.flatMap { $0 }, invalid.flatMap { $0 }, spilled)
    }
}

// Measures: Analyzer.tokenize throughput, single-threaded, into a sink that only counts (MB/s of UTF-8 input, tokens/s).
// Corpus: the files given (a file, or a folder's *.txt), else the repository's Corpus/*.txt; repeated to ~50 MB.
// Watch: MB/s against the 200 MB/s target; tokens/s falling faster than MB/s means per-token cost went up.
//        On a shared machine, the CPU-time figure is the steadier one.
import ChineseSearch
import Foundation

/// The `search-bench tokenizer [PATH]` command.
enum TokenizerBenchmark {
    /// Why the benchmark could not run.
    enum Failure: Error, CustomStringConvertible {
        case noText(String)

        var description: String {
            switch self {
            case .noText(let path): "no .txt text found at \(path); give a file or folder, or run from the repository root"
            }
        }
    }

    /// Counts tokens; keeps a checksum of what it sees so the work cannot be optimized away.
    struct CountingSink: TokenSink {
        var tokens = 0
        var checksum: UInt64 = 0

        mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
            tokens += 1
            checksum &+= key
        }

        mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            tokens += 1
            checksum &+= UInt64(normalized.count)
        }
    }

    static let targetBytes = 50_000_000
    static let runs = 5

    /// Runs the benchmark and prints one line per run and the median.
    static func run(arguments: [String]) throws {
        let path = arguments.first ?? "Corpus"
        let documents = try readDocuments(at: path)
        let (text, ranges) = repeated(documents, toAtLeast: targetBytes)
        let megabytes = Double(text.count) / 1_000_000
        print("tokenizer: \(ranges.count) documents, \(String(format: "%.1f", megabytes)) MB from \(path)")

        let firstStart = DispatchTime.now().uptimeNanoseconds
        let analyzer = Analyzer()   // the first analyzer of the process: its tables are constants, nothing to build
        let firstMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - firstStart) / 1e6
        print(String(format: "  first analyzer made in %.3f ms", firstMilliseconds))
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var tokens = 0
        for run in 1...runs {
            var sink = CountingSink()
            let cpuStart = threadCPUSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            text.withUnsafeBufferPointer { all in
                for range in ranges {
                    _ = analyzer.tokenize(UnsafeBufferPointer(rebasing: all[range]), into: &sink)
                }
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            seconds.append(elapsed)
            cpuSeconds.append(threadCPUSeconds() - cpuStart)
            tokens = sink.tokens
            print("  run \(run): \(String(format: "%.3f", elapsed)) s, \(sink.tokens) tokens (checksum \(sink.checksum))")
        }
        let median = seconds.sorted()[runs / 2]
        let cpuMedian = cpuSeconds.sorted()[runs / 2]
        print(String(format: "tokenizer median: %.1f MB/s, %.1f M tokens/s (CPU time: %.1f MB/s)",
                     megabytes / median, Double(tokens) / median / 1e6, megabytes / cpuMedian))
    }

    /// CPU time of the calling thread (clock_gettime with CLOCK_THREAD_CPUTIME_ID), in seconds.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The UTF-8 of each .txt file at `path` (a file, or a folder searched recursively), in path order.
    private static func readDocuments(at path: String) throws -> [[UInt8]] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw Failure.noText(path) }
        var files = [path]
        if isFolder.boolValue {
            let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files = names.filter { $0.hasSuffix(".txt") }.sorted().map { path + "/" + $0 }
        }
        let documents = files.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
        guard !documents.isEmpty else { throw Failure.noText(path) }
        return documents
    }

    /// The documents concatenated, repeated until at least `size` bytes, with each copy's byte range.
    private static func repeated(_ documents: [[UInt8]], toAtLeast size: Int) -> ([UInt8], [Range<Int>]) {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        repeat {
            for document in documents {
                ranges.append(text.count..<text.count + document.count)
                text.append(contentsOf: document)
            }
        } while text.count < size && !text.isEmpty
        return (text, ranges)
    }
}

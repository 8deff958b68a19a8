// Measures: the stored-text codecs, LZ4 alone, the symbol code then LZ4, and that with the index's marks: size, compress and decompress MB/s, and one 240-byte read, per block size 4–64 KiB.
// Corpus: a corpus folder's text as the index stores it (title + "\n" + body per file, concatenated, one segment's symbol table); medians of --rounds.
// Watch: size against read µs as blocks grow (the snippet cost); decompress MB/s well above 1,000 for LZ4, some hundreds with symbols; compress MB/s against the build.
import ChineseSearch
import Dispatch
import Foundation

/// The `search-bench codec --corpus DIR [--rounds 5]` command.
enum CodecBenchmark {
    static let blockSizes = [4_096, 8_192, 16_384, 32_768, 65_536]
    /// Bytes of one read: about a snippet's window.
    static let readLength = 240
    static let reads = 20_000

    /// A block codec: LZ4 over the text, LZ4 over the text's symbol codes (what format 5 wrote), or those with
    /// marks before them, reads decoding codes from the last mark before them (what the index writes).
    enum Codec {
        case lz4
        case symbols(SymbolEncoder, table: [UInt8])
        case markedSymbols(SymbolEncoder, table: [UInt8])

        var name: String {
            switch self {
            case .lz4: return "lz4"
            case .symbols: return "symbols+lz4"
            case .markedSymbols: return "marked+lz4"
            }
        }
    }

    /// Where each block lies in the store, and whether it is raw.
    typealias Entries = [(offset: Int, length: Int, raw: Bool)]

    static func run(arguments: [String]) throws {
        var scanner = ArgumentScanner(arguments)
        var corpus = "", rounds = 5
        while let flag = scanner.nextFlag() {
            switch flag {
            case "--corpus": corpus = try scanner.value(flag)
            case "--rounds": rounds = max(1, try scanner.int(flag))
            default: throw BenchError.usage("unknown option \(flag)")
            }
        }
        guard !corpus.isEmpty else { throw BenchError.usage("codec needs --corpus DIR") }
        var text: [UInt8] = []
        let files = try CorpusReader.files(in: corpus)
        for path in files {
            let document = try CorpusReader.read(directory: corpus, path: path)
            text += Array(document.title.utf8)
            text.append(0x0A)
            text += Array(document.body.utf8)
        }
        guard text.count >= readLength else { throw BenchError.io("\(corpus) holds too little text") }
        print(String(format: "stored text: %d documents, %.1f MB; %d rounds, medians", files.count, Double(text.count) / 1e6, rounds))
        let t0 = DispatchTime.now()
        var counter = SymbolCounter()
        text.withUnsafeBytes { counter.count($0) }
        let ranking = counter.ranking()
        print(String(format: "symbol table: %d symbols, %d one-byte ranks, %d bytes; counted and ranked in %.0f ms (one thread)",
                     ranking.scalars.count, ranking.singleByteRanks, ranking.tableBytes.count, seconds(since: t0) * 1e3))
        print("codec        block      blocks   raw  compressed   size  compress MB/s  decompress MB/s  240-byte read µs")
        let encoder = SymbolEncoder(ranking)
        for codec in [Codec.lz4, .symbols(encoder, table: ranking.tableBytes), .markedSymbols(encoder, table: ranking.tableBytes)] {
            for blockSize in blockSizes {
                try measure(text, codec: codec, blockSize: blockSize, rounds: rounds)
            }
        }
    }

    /// One codec and block size: compress every block (raw when it does not shrink), decompress them all, random reads.
    private static func measure(_ text: [UInt8], codec: Codec, blockSize: Int, rounds: Int) throws {
        var coder = BlockCoder(codec, blockSize: blockSize)
        var store = [UInt8](repeating: 0, count: text.count)
        var entries: Entries = []
        var compressSeconds: [Double] = [], decompressSeconds: [Double] = [], readMicroseconds: [Double] = []
        var output = [UInt8](repeating: 0, count: text.count)
        for _ in 0..<rounds {
            let t0 = DispatchTime.now()
            entries = text.withUnsafeBytes { source in
                store.withUnsafeMutableBytes { coder.compressAll(source, into: $0) }
            }
            compressSeconds.append(seconds(since: t0))
            let t1 = DispatchTime.now()
            guard coder.decodeAll(store, entries, into: &output) else { throw BenchError.io("a block does not decode") }
            decompressSeconds.append(seconds(since: t1))
            guard output == text else { throw BenchError.io("the decoded text differs from the input") }
            readMicroseconds.append(coder.randomReads(store, entries, textLength: text.count) * 1e6 / Double(reads))
        }
        let compressed = entries.reduce(0) { $0 + $1.length }
        let mb = Double(text.count) / 1e6
        print(codec.name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%2d KiB  %9d %5d %8.1f MB %5.1f%%  %13.0f  %15.0f  %16.1f", blockSize / 1024,
                     entries.count, entries.filter(\.raw).count, Double(compressed) / 1e6,
                     100 * Double(compressed) / Double(text.count), mb / median(compressSeconds), mb / median(decompressSeconds),
                     median(readMicroseconds)))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    private static func median(_ values: [Double]) -> Double { EngineBenchmark.percentile(values.sorted(), 0.5) }
}

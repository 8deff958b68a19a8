// Measures: the stored-text codec (LZ4 block format): size, compress and decompress MB/s, and one 240-byte read, per block size 8–64 KiB.
// Corpus: a corpus folder's text as the index stores it (title + "\n" + body per file, concatenated); medians of --rounds.
// Watch: size against read µs as blocks grow (the snippet cost); decompress MB/s well above 1,000; compress MB/s against the build.
import ChineseSearch
import Dispatch
import Foundation

/// The `search-bench codec --corpus DIR [--rounds 5]` command.
enum CodecBenchmark {
    static let blockSizes = [8_192, 16_384, 32_768, 65_536]
    /// Bytes of one read: about a snippet's window.
    static let readLength = 240
    static let reads = 20_000

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
        print("block      blocks   raw  compressed   size  compress MB/s  decompress MB/s  240-byte read µs")
        for blockSize in blockSizes {
            try measure(text, blockSize: blockSize, rounds: rounds)
        }
    }

    /// One block size: compress every block (raw when it does not shrink), decompress them all, random reads.
    private static func measure(_ text: [UInt8], blockSize: Int, rounds: Int) throws {
        let blockCount = (text.count + blockSize - 1) / blockSize
        var compressor = LZ4BlockCompressor()
        var store = [UInt8](repeating: 0, count: text.count + blockCount)
        var entries: [(offset: Int, length: Int, raw: Bool)] = []
        var compressSeconds: [Double] = [], decompressSeconds: [Double] = [], readMicroseconds: [Double] = []
        var output = [UInt8](repeating: 0, count: text.count)
        for _ in 0..<rounds {
            entries.removeAll(keepingCapacity: true)
            let t0 = DispatchTime.now()
            text.withUnsafeBytes { source in
                store.withUnsafeMutableBytes { destination in
                    var at = 0
                    for b in 0..<blockCount {
                        let block = UnsafeRawBufferPointer(rebasing: source[(b * blockSize)..<min(text.count, (b + 1) * blockSize)])
                        let room = UnsafeMutableRawBufferPointer(rebasing: destination[at..<(at + block.count - 1)])
                        if let n = compressor.compress(block, into: room) {
                            entries.append((at, n, false))
                            at += n
                        } else {
                            UnsafeMutableRawBufferPointer(rebasing: destination[at..<(at + block.count)]).copyMemory(from: block)
                            entries.append((at, block.count, true))
                            at += block.count
                        }
                    }
                }
            }
            compressSeconds.append(seconds(since: t0))
            let t1 = DispatchTime.now()
            guard decodeAll(store, entries, into: &output, blockSize: blockSize) else { throw BenchError.io("a block does not decode") }
            decompressSeconds.append(seconds(since: t1))
            guard output == text else { throw BenchError.io("the decoded text differs from the input") }
            readMicroseconds.append(randomReads(store, entries, textLength: text.count, blockSize: blockSize) * 1e6 / Double(reads))
        }
        let compressed = entries.reduce(0) { $0 + $1.length }
        let mb = Double(text.count) / 1e6
        print(String(format: "%2d KiB  %9d %5d %8.1f MB %5.1f%%  %13.0f  %15.0f  %16.1f", blockSize / 1024, blockCount,
                     entries.filter(\.raw).count, Double(compressed) / 1e6, 100 * Double(compressed) / Double(text.count),
                     mb / median(compressSeconds), mb / median(decompressSeconds), median(readMicroseconds)))
    }

    /// Decodes every block to its place in `output`; false when one fails.
    private static func decodeAll(_ store: [UInt8], _ entries: [(offset: Int, length: Int, raw: Bool)],
                                  into output: inout [UInt8], blockSize: Int) -> Bool {
        let total = output.count
        return store.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                for (b, e) in entries.enumerated() {
                    let stored = UnsafeRawBufferPointer(rebasing: source[e.offset..<(e.offset + e.length)])
                    let target = UnsafeMutableRawBufferPointer(rebasing: destination[(b * blockSize)..<min(total, (b + 1) * blockSize)])
                    if e.raw { target.copyMemory(from: stored) } else if !LZ4Block.decompress(stored, into: target) { return false }
                }
                return true
            }
        }
    }

    /// Seconds for `reads` reads of 240 bytes at seeded random offsets, each decoding the block(s) it touches
    /// into a scratch buffer as far as the read reaches and copying its bytes out, as the index's reader does.
    private static func randomReads(_ store: [UInt8], _ entries: [(offset: Int, length: Int, raw: Bool)], textLength: Int,
                                    blockSize: Int) -> Double {
        var random = Xoshiro256(seed: 2024)
        var scratch = [UInt8](repeating: 0, count: blockSize)
        var sink = [UInt8](repeating: 0, count: readLength)
        var checksum = 0
        let t0 = DispatchTime.now()
        store.withUnsafeBytes { source in
            scratch.withUnsafeMutableBytes { scratch in
                for _ in 0..<reads {
                    let start = Int(random.next() % UInt64(textLength - readLength))
                    var at = start
                    while at < start + readLength {
                        let b = at / blockSize
                        let e = entries[b]
                        let length = min(textLength, (b + 1) * blockSize) - b * blockSize
                        let stored = UnsafeRawBufferPointer(rebasing: source[e.offset..<(e.offset + e.length)])
                        let block = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<length])
                        let end = min(start + readLength, (b + 1) * blockSize)
                        if e.raw {
                            block.copyMemory(from: stored)
                        } else {
                            _ = LZ4Block.decompress(stored, into: block, prefix: end - b * blockSize)
                        }
                        for i in at..<end { sink[i - start] = block[i - b * blockSize] }
                        at = end
                    }
                    checksum &+= Int(sink[readLength / 2])
                }
            }
        }
        let elapsed = seconds(since: t0)
        if checksum == -1 { print("") }  // keeps the reads observable
        return elapsed
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    private static func median(_ values: [Double]) -> Double { EngineBenchmark.percentile(values.sorted(), 0.5) }
}

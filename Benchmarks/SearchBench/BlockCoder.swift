// Measures nothing: the block coding `search-bench codec` times, for one codec and block size, as the index's writer and reader do it.
// Corpus: any byte stream; blocks stored one after the other, raw when coding does not shrink them.
// Watch: keep it in step with Format/StoredTextWriter and StoredTextBlocks (marks, symbols, then LZ4; reads from a mark).
import ChineseSearch
import Dispatch

/// Codes, decodes and reads the blocks of a stream with one `CodecBenchmark.Codec`; its scratch is reused.
struct BlockCoder {
    let codec: CodecBenchmark.Codec
    let blockSize: Int
    private var compressor = LZ4BlockCompressor()
    private var codes: [UInt8]
    private var marks: [UInt32] = []

    init(_ codec: CodecBenchmark.Codec, blockSize: Int) {
        self.codec = codec
        self.blockSize = blockSize
        codes = [UInt8](repeating: 0, count: SymbolCode.maximumCodedLength(blockSize))
    }

    /// Codes every block of `source` into `destination` (room for the source); the blocks' entries.
    mutating func compressAll(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer)
        -> CodecBenchmark.Entries {
        var entries: CodecBenchmark.Entries = []
        var at = 0
        for start in stride(from: 0, to: source.count, by: blockSize) {
            let block = UnsafeRawBufferPointer(rebasing: source[start..<min(source.count, start + blockSize)])
            let room = UnsafeMutableRawBufferPointer(rebasing: destination[at..<(at + block.count - 1)])
            if let n = compress(block, into: room) {
                entries.append((at, n, false))
                at += n
            } else {
                UnsafeMutableRawBufferPointer(rebasing: destination[at..<(at + block.count)]).copyMemory(from: block)
                entries.append((at, block.count, true))
                at += block.count
            }
        }
        return entries
    }

    private mutating func compress(_ block: UnsafeRawBufferPointer, into room: UnsafeMutableRawBufferPointer) -> Int? {
        switch codec {
        case .lz4:
            return compressor.compress(block, into: room)
        case .symbols(let encoder, _):
            return codes.withUnsafeMutableBytes { codes in
                let n = encoder.encode(block, into: codes)
                return compressor.compress(UnsafeRawBufferPointer(rebasing: codes[0..<n]), into: room)
            }
        case .markedSymbols(let encoder, _):
            return codes.withUnsafeMutableBytes { codes in
                StoredBlockMarks.code(block, encoder: encoder, compressor: &compressor, codes: codes, marks: &marks, into: room)
            }
        }
    }

    /// Decodes bytes `wanted` (at least) of the coded block `stored` into `target` (the block's length): from the
    /// block's start, or with marks from the last mark before them.
    private mutating func decode(_ stored: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer,
                                 wanted: Range<Int>) -> Bool {
        switch codec {
        case .lz4:
            return LZ4Block.decompress(stored, into: target, prefix: wanted.upperBound)
        case .symbols(_, let table):
            return table.withUnsafeBytes { table in
                codes.withUnsafeMutableBytes { codes in
                    SymbolCode.decompress(stored, table: SymbolTable(table)!, into: target, prefix: wanted.upperBound, coded: codes)
                }
            }
        case .markedSymbols(_, let table):
            return table.withUnsafeBytes { table in
                codes.withUnsafeMutableBytes { codes in
                    StoredBlockMarks.decode(stored, table: SymbolTable(table)!, into: target, wanted: wanted, coded: codes)
                }
            }
        }
    }

    /// Decodes every block to its place in `output`; false when one fails.
    mutating func decodeAll(_ store: [UInt8], _ entries: CodecBenchmark.Entries, into output: inout [UInt8]) -> Bool {
        let total = output.count, blockSize = blockSize
        return store.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                for (b, e) in entries.enumerated() {
                    let stored = UnsafeRawBufferPointer(rebasing: source[e.offset..<(e.offset + e.length)])
                    let target = UnsafeMutableRawBufferPointer(rebasing: destination[(b * blockSize)..<min(total, (b + 1) * blockSize)])
                    if e.raw { target.copyMemory(from: stored) } else if !decode(stored, into: target, wanted: 0..<target.count) { return false }
                }
                return true
            }
        }
    }

    /// Seconds for `CodecBenchmark.reads` reads of 240 bytes at seeded random offsets, each decoding the block(s)
    /// it touches into a scratch buffer as far as the read reaches and copying its bytes out, as the index's
    /// reader does.
    mutating func randomReads(_ store: [UInt8], _ entries: CodecBenchmark.Entries, textLength: Int) -> Double {
        let readLength = CodecBenchmark.readLength, blockSize = blockSize
        var random = Xoshiro256(seed: 2024)
        var block = [UInt8](repeating: 0, count: blockSize)
        var sink = [UInt8](repeating: 0, count: readLength)
        var checksum = 0
        let t0 = DispatchTime.now()
        store.withUnsafeBytes { source in
            block.withUnsafeMutableBytes { scratch in
                for _ in 0..<CodecBenchmark.reads {
                    let start = Int(random.next() % UInt64(textLength - readLength))
                    var at = start
                    while at < start + readLength {
                        let b = at / blockSize
                        let e = entries[b]
                        let length = min(textLength, (b + 1) * blockSize) - b * blockSize
                        let stored = UnsafeRawBufferPointer(rebasing: source[e.offset..<(e.offset + e.length)])
                        let decoded = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<length])
                        let end = min(start + readLength, (b + 1) * blockSize)
                        if e.raw {
                            decoded.copyMemory(from: stored)
                        } else {
                            _ = decode(stored, into: decoded, wanted: (at - b * blockSize)..<(end - b * blockSize))
                        }
                        for i in at..<end { sink[i - start] = decoded[i - b * blockSize] }
                        at = end
                    }
                    checksum &+= Int(sink[readLength / 2])
                }
            }
        }
        let elapsed = CodecBenchmark.seconds(since: t0)
        if checksum == -1 { print("") }  // keeps the reads observable
        return elapsed
    }
}

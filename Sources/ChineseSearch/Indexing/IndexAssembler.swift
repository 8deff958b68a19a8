/// Merges the runs of a build into the final index file.
///
/// The terms are merged in ranges of the term order on several workers (`TermMerger`, `TermRange`), and the
/// ranges' parts concatenated in order, so the file is the same for any number of workers.
/// O(postings + terms·log runs); memory: the dictionaries, the document table, and per-worker scratch.
struct IndexAssembler {
    private let runs: [Run]
    private let file: IndexFileWriter
    private var bases: [UInt32] = []
    private var textLengths: [UInt32] = []
    private var titleLengths: [UInt32] = []
    private var header = ByteWriter()
    private let threads: Int
    private let spillPath: String?
    private let storedBlockSize: Int

    // Dictionaries, kept in memory until the end.
    private var cjkKeys = ByteWriter()
    private var cjkTerms = ByteWriter()
    private var wordOffsets = ByteWriter()
    private var wordBytes = ByteWriter()
    private var wordTerms = ByteWriter()
    private var charKeys = ByteWriter()
    private var charTerms = ByteWriter()
    private var counts = (cjk: 0, word: 0, char: 0, postings: 0)

    // Where the current character's tokens begin (number, postings offset).
    private var currentChar: UInt32?
    private var charFirstToken = 0
    private var charTokensBase: UInt64 = 0

    /// The merge runs on up to `threads` workers; `spillPath` begins the names of the temporary files its parts
    /// stream through (nil keeps them in memory). The stored text is cut into blocks of `storedBlockSize` bytes
    /// (tests read small blocks).
    init(runs: [Run], file: IndexFileWriter, spillPath: String?, threads: Int,
         storedBlockSize: Int = StoredBlockIndex.blockSize) {
        self.runs = runs
        self.file = file
        self.spillPath = spillPath
        self.threads = max(1, threads)
        self.storedBlockSize = storedBlockSize
        var base: UInt32 = 0
        for run in runs {
            bases.append(base)
            base += UInt32(run.documentCount)
            textLengths.append(contentsOf: run.textLengths)
            titleLengths.append(contentsOf: run.titleLengths)
        }
        wordOffsets.u64(0)
    }

    /// Writes every section; the caller seals the file with `finish()` or `finishInMemory()`.
    mutating func write() throws(IndexError) {
        let documentSections = try writeStored()
        try writePostings()
        for (kind, bytes) in [(SectionKind.cjkKeys, cjkKeys), (.cjkTerms, cjkTerms), (.wordOffsets, wordOffsets),
                              (.wordBytes, wordBytes), (.wordTerms, wordTerms), (.charKeys, charKeys),
                              (.charTerms, charTerms)] + documentSections {
            file.begin(kind)
            try file.write(bytes.bytes)
            try file.end()
        }
        var meta = ByteWriter()
        statistics.encode(into: &meta)
        file.begin(.meta)
        try file.write(meta.bytes)
        try file.end()
    }

    /// The statistics of the merged index.
    var statistics: IndexStatistics {
        IndexStatistics(documentCount: textLengths.count,
                        textTokens: textLengths.reduce(0) { $0 + Int($1) },
                        titleTokens: titleLengths.reduce(0) { $0 + Int($1) },
                        minTextLength: Int(textLengths.min() ?? 0), minTitleLength: Int(titleLengths.min() ?? 0),
                        cjkTermCount: counts.cjk, wordTermCount: counts.word, charTermCount: counts.char,
                        postingCount: counts.postings)
    }

    /// Streams the stored text as coded blocks (its symbols counted first) and builds its block index and symbol
    /// table, the document records, the strings, source stamps and path sections.
    private mutating func writeStored() throws(IndexError) -> [(SectionKind, ByteWriter)] {
        var records = ByteWriter()
        var strings = ByteWriter()
        var stamps = ByteWriter()
        var paths: [UnsafeRawBufferPointer] = []
        paths.reserveCapacity(textLengths.count)
        var fields = FieldSections()
        let ranking = RunSymbols.ranking(runs, threads: threads)
        var stored = StoredTextWriter(blockSize: storedBlockSize, ranking: ranking, threads: threads)
        var checkpoints = TokenCheckpoints.Builder()
        file.begin(.stored)
        var storedOffset = 0
        var doc = 0
        for run in runs {
            try RunDocument.forEach(in: run) { (document) throws(IndexError) in
                stamps.append(document.stamp)
                fields.add(document.fields)
                checkpoints.add(doc: doc, positions: document.checkpoints.positions, offsets: document.checkpoints.offsets)
                try stored.append(document.stored, to: file)
                DocumentRecord(storedOffset: UInt64(storedOffset), storedLength: UInt32(document.stored.count),
                               titleBytes: UInt32(document.titleBytes), pathOffset: UInt64(strings.count),
                               pathLength: UInt32(document.path.count), dateLength: UInt32(document.date.count),
                               titleTokens: titleLengths[doc], textTokens: textLengths[doc]).encode(into: &records)
                strings.append(document.path)
                strings.append(document.date)
                strings.append(UnsafeRawBufferPointer(rebasing: document.stored[0..<document.titleBytes]))
                paths.append(document.path)
                storedOffset += document.stored.count
                doc += 1
            }
        }
        let blockIndex = try stored.finish(to: file)
        try file.end()
        // Documents sorted by path (byte order): already so for a fresh build, not for a merge of segments.
        var order = Array(0..<paths.count)
        if !zip(paths, paths.dropFirst()).allSatisfy({ compareBytes($0, $1) < 0 }) {
            order.sort { compareBytes(paths[$0], paths[$1]) < 0 }
        }
        var ranks = [UInt32](repeating: 0, count: paths.count)
        for (rank, d) in order.enumerated() { ranks[d] = UInt32(rank) }
        var rankBytes = ByteWriter(), orderBytes = ByteWriter()
        for r in ranks { rankBytes.u32(r) }
        for d in order { orderBytes.u32(UInt32(d)) }
        var symbols = ByteWriter()
        symbols.append(ranking.tableBytes)
        return [(.storedBlocks, blockIndex), (.storedSymbols, symbols), (.documents, records), (.strings, strings), (.sources, stamps),
                (.pathRanks, rankBytes), (.pathOrder, orderBytes)] + fields.sections() + [(.tokenCheckpoints, checkpoints.section())]
    }

    /// The postings section: ranges of the term order merged on up to `threads` workers (`TermMerger`), their
    /// parts concatenated in term order while later ranges are still merging, each term written as its header,
    /// its lists and its positions, and its dictionary entry with its offset in the section. The bytes are the
    /// same for any number of ranges.
    private mutating func writePostings() throws(IndexError) {
        let ranges = TermRange.plan(runs, parts: threads > 1 ? threads * 4 : 1)
        let (runs, bases, textLengths, titleLengths, spillPath) = (runs, bases, textLengths, titleLengths, spillPath)
        file.begin(.postings)
        let postingsStart = file.offset
        var failure: IndexError?
        OrderedWork.run(count: ranges.count, threads: threads, work: { i in
            Result { () throws(IndexError) -> (records: SpillFile, positions: SpillFile) in
                var merger = try TermMerger(runs: runs, bases: bases, textLengths: textLengths, titleLengths: titleLengths,
                                            spillPath: spillPath.map { "\($0)-\(i)" })
                try merger.merge(ranges[i])
                return (merger.records, merger.positions)
            }
        }, consume: { _, result in
            do throws(IndexError) {
                let part = try result.get()
                try part.records.withContents { (records) throws(IndexError) in
                    try part.positions.withContents { (positions) throws(IndexError) in
                        try appendTerms(records, positions: positions, postingsStart: postingsStart)
                    }
                }
                return true
            } catch {
                failure = error
                return false
            }
        })
        if let failure { throw failure }
        try file.end(padding: BitPacking.paddingBytes)
    }

    /// Writes the `MergedTerm`s of one part to the postings section, each behind its term header and followed
    /// by its slice of the part's `positions`, and adds their dictionary entries.
    private mutating func appendTerms(_ b: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer,
                                      postingsStart: Int) throws(IndexError) {
        var o = 0
        while o < b.count {
            let kind = b[o]
            o += 1
            var key: UInt64 = 0
            var word = UnsafeRawBufferPointer(start: nil, count: 0)
            var character: UInt32 = 0
            switch kind {
            case 0:
                key = b.u64Unchecked(at: o)
                o += 8
            case 1:
                let n = Int(b.varint(at: &o)!)
                word = b.slice(o, n)!
                o += n
            default:
                character = b.u32Unchecked(at: o)
                o += 4
            }
            let df = Int(b.varint(at: &o)!), titleDf = Int(b.varint(at: &o)!)
            let textBytes = Int(b.varint(at: &o)!), titleBytes = Int(b.varint(at: &o)!)
            let positionsStart = Int(b.varint(at: &o)!), positionsBytes = Int(b.varint(at: &o)!)
            let termOffset = UInt64(file.offset - postingsStart)
            header.bytes.removeAll(keepingCapacity: true)
            TermEntry.encodeHeader(df: df, titleDf: titleDf, into: &header)
            try file.write(header.bytes)
            try file.write(b.slice(o, textBytes + titleBytes)!)
            try file.write(positions.slice(positionsStart, positionsBytes)!)
            o += textBytes + titleBytes
            switch kind {
            case 0:
                if CJKKey.first(key) != currentChar {
                    currentChar = CJKKey.first(key)
                    charFirstToken = counts.cjk
                    charTokensBase = termOffset
                }
                let relative = termOffset - charTokensBase
                guard relative <= UInt64(UInt32.max) else {
                    throw IndexError.limitExceeded(detail: "the lists of the tokens beginning with one character pass 4 GiB")
                }
                cjkKeys.u32(CJKKey.second(key))
                cjkTerms.u32(UInt32(relative))
                counts.cjk += 1
                counts.postings += df
            case 1:
                wordBytes.append(word)
                wordOffsets.u64(UInt64(wordBytes.count))
                wordTerms.u64(termOffset)
                counts.word += 1
                counts.postings += df
            default:
                charKeys.u32(character)
                charTerms.u64(termOffset)
                charTerms.u64(charTokensBase)
                charTerms.u32(UInt32(charFirstToken))
                charTerms.u32(0)
                counts.char += 1
            }
        }
    }
}

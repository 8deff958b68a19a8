/// Merges the runs of a build into the final index file.
///
/// Runs cover consecutive document ranges, so a term's final list is its runs' parts concatenated: a k-way
/// merge of sorted term streams (a binary heap of run readers), never a re-sort of postings. Single-character
/// lists are summed on the fly, because all tokens beginning with one character are adjacent in key order.
/// O(postings + terms·log runs); memory: the dictionaries, the document table, and per-term scratch.
struct IndexAssembler {
    private let runs: [Run]
    private let file: IndexFileWriter
    private var bases: [UInt32] = []
    private var textLengths: [UInt32] = []
    private var titleLengths: [UInt32] = []
    private var encoder = PostingsEncoder()
    private var positionsEncoder = PositionsEncoder()
    private var scratch = ByteWriter()
    private var titleScratch = ByteWriter()
    private var header = ByteWriter()
    private let positionsSpill: SpillFile

    // Dictionaries, kept in memory until the end.
    private var cjkKeys = ByteWriter()
    private var cjkTerms = ByteWriter()
    private var wordOffsets = ByteWriter()
    private var wordBytes = ByteWriter()
    private var wordTerms = ByteWriter()
    private var charKeys = ByteWriter()
    private var charTerms = ByteWriter()
    private var counts = (cjk: 0, word: 0, char: 0, postings: 0)

    // Per-term scratch.
    private var docs: [UInt32] = []
    private var tfs: [UInt32] = []
    /// Where each postings block's positions begin, relative to the term's.
    private var positionStarts: [UInt32] = []
    private var titleDocs: [UInt32] = []
    private var titleTFs: [UInt32] = []

    // Single-character accumulation, and where the current character's tokens begin (number, postings offset).
    private var currentChar: UInt32 = 0
    private var charFirstToken = 0
    private var charTokensBase: UInt64 = 0
    private var charTF: [UInt32] = []
    private var charTitleTF: [UInt32] = []
    private var charTouched: [UInt32] = []

    /// `spillPath` is a temporary file for the positions stream; nil keeps them in memory.
    init(runs: [Run], file: IndexFileWriter, spillPath: String?) throws(IndexError) {
        self.runs = runs
        self.file = file
        if let spillPath {
            positionsSpill = try SpillFile(path: spillPath)
        } else {
            positionsSpill = SpillFile()
        }
        var base: UInt32 = 0
        for run in runs {
            bases.append(base)
            base += UInt32(run.documentCount)
            textLengths.append(contentsOf: run.textLengths)
            titleLengths.append(contentsOf: run.titleLengths)
        }
        charTF = [UInt32](repeating: 0, count: textLengths.count)
        charTitleTF = charTF
        wordOffsets.u64(0)
    }

    /// Writes every section; the caller seals the file with `finish()` or `finishInMemory()`.
    mutating func write() throws(IndexError) {
        let documentSections = try writeStored()
        try writePostings()
        file.begin(.positions)
        try positionsSpill.withContents { (bytes) throws(IndexError) in try file.write(bytes) }
        try file.end(padding: BitPacking.paddingBytes)
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

    /// Streams the stored text and builds the document records, the strings, source stamps and path sections.
    private mutating func writeStored() throws(IndexError) -> [(SectionKind, ByteWriter)] {
        var records = ByteWriter()
        var strings = ByteWriter()
        var stamps = ByteWriter()
        var paths: [UnsafeRawBufferPointer] = []
        paths.reserveCapacity(textLengths.count)
        var fields = FieldSections()
        file.begin(.stored)
        var storedOffset = 0
        var doc = 0
        for run in runs {
            let b = run.documents
            var o = 0
            for _ in 0..<run.documentCount {
                let pathLength = Int(b.varint(at: &o)!)
                let path = b.slice(o, pathLength)!
                o += pathLength
                let dateLength = Int(b.varint(at: &o)!)
                let date = b.slice(o, dateLength)!
                o += dateLength
                stamps.append(b.slice(o, IndexLayout.sourceStampSize)!)
                o += IndexLayout.sourceStampSize
                fields.add(DocumentFields(loading: b, at: &o))
                let titleBytes = Int(b.varint(at: &o)!)
                let storedLength = Int(b.varint(at: &o)!)
                try file.write(b.slice(o, storedLength)!)
                o += storedLength
                DocumentRecord(storedOffset: UInt64(storedOffset), storedLength: UInt32(storedLength),
                               titleBytes: UInt32(titleBytes), pathOffset: UInt64(strings.count),
                               pathLength: UInt32(pathLength), dateLength: UInt32(dateLength),
                               titleTokens: titleLengths[doc], textTokens: textLengths[doc]).encode(into: &records)
                strings.append(path)
                strings.append(date)
                paths.append(path)
                storedOffset += storedLength
                doc += 1
            }
        }
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
        return [(.documents, records), (.strings, strings), (.sources, stamps), (.pathRanks, rankBytes), (.pathOrder, orderBytes)]
            + fields.sections()
    }

    /// The k-way merge of all runs' terms into the postings and positions sections.
    private mutating func writePostings() throws(IndexError) {
        file.begin(.postings)
        let postingsStart = file.offset
        var heap = BinaryHeap<RunTermReader.MergeOrder>()
        for (i, run) in runs.enumerated() {
            let reader = RunTermReader(run: run, runIndex: i, documentBase: bases[i])
            if reader.valid { heap.push(reader) }
        }
        var haveChar = false
        while var first = heap.pop() {
            if !first.isWord {
                // Close the previous character's single-character lists before this term reuses the scratch lists.
                let c = CJKKey.first(first.key)
                if !haveChar || c != currentChar {
                    if haveChar { try flushCharacter(postingsStart: postingsStart) }
                    currentChar = c
                    charFirstToken = counts.cjk
                    charTokensBase = UInt64(file.offset - postingsStart)
                }
                haveChar = true
            }
            docs.removeAll(keepingCapacity: true); tfs.removeAll(keepingCapacity: true)
            positionStarts.removeAll(keepingCapacity: true)
            titleDocs.removeAll(keepingCapacity: true); titleTFs.removeAll(keepingCapacity: true)
            let positionsOffset = positionsSpill.count
            positionsEncoder.beginList()
            let isWord = first.isWord, key = first.key
            if isWord {
                wordBytes.append(first.word)
                wordOffsets.u64(UInt64(wordBytes.count))
            }
            collect(&first)
            while let top = heap.first, RunTermReader.compareTerms(top, first) == 0 {
                var next = heap.pop()!
                collect(&next)
                next.advance()
                if next.valid { heap.push(next) }
            }
            first.advance()
            if first.valid { heap.push(first) }
            positionsEncoder.endBlock()
            positionsEncoder.take { positionsSpill.append($0) }
            guard positionsEncoder.listBytes <= Int(UInt32.max) else {
                throw IndexError.limitExceeded(detail: "the positions of one term pass 4 GiB")
            }

            if !isWord {
                for i in 0..<docs.count {
                    let d = Int(docs[i])
                    if charTF[d] == 0 { charTouched.append(docs[i]) }
                    charTF[d] += tfs[i]
                }
                for i in 0..<titleDocs.count { charTitleTF[Int(titleDocs[i])] += titleTFs[i] }
            }
            let entry = try writeLists(postingsStart: postingsStart, positionsOffset: positionsOffset, withPositions: true)
            counts.postings += docs.count
            if isWord {
                wordTerms.u64(entry)
                counts.word += 1
            } else {
                let relative = entry - charTokensBase
                guard relative <= UInt64(UInt32.max) else {
                    throw IndexError.limitExceeded(detail: "the lists of the tokens beginning with one character pass 4 GiB")
                }
                cjkKeys.u32(CJKKey.second(key))
                cjkTerms.u32(UInt32(relative))
                counts.cjk += 1
            }
        }
        if haveChar { try flushCharacter(postingsStart: postingsStart) }
        try file.end(padding: BitPacking.paddingBytes)
    }

    /// Appends one run's part of the current term to the scratch lists and its positions to the stream.
    private mutating func collect(_ reader: inout RunTermReader) {
        let terms = reader.terms
        reader.readPostings { doc, tf, titleTF, offset in
            if docs.count % PostingsFormat.blockSize == 0 {
                // A postings block begins: its positions begin a new positions block. Checked per term (≤ 4 GiB).
                positionsEncoder.endBlock()
                positionStarts.append(UInt32(truncatingIfNeeded: positionsEncoder.listBytes))
            }
            docs.append(doc)
            tfs.append(tf)
            if titleTF > 0 { titleDocs.append(doc); titleTFs.append(titleTF) }
            // Runs hold the same gaps as LEB128 (the first from 0): decoded and re-encoded by postings block.
            var o = offset
            for _ in 0..<tf { positionsEncoder.append(UInt32(truncatingIfNeeded: terms.varint(at: &o)!)) }
            return o
        }
        positionsEncoder.take { positionsSpill.append($0) }
    }

    /// Encodes the scratch lists (text and title) behind their term header into the postings section;
    /// returns the term's offset there (its dictionary entry).
    private mutating func writeLists(postingsStart: Int, positionsOffset: Int, withPositions: Bool) throws(IndexError) -> UInt64 {
        scratch.bytes.removeAll(keepingCapacity: true)
        titleScratch.bytes.removeAll(keepingCapacity: true)
        header.bytes.removeAll(keepingCapacity: true)
        let termOffset = file.offset - postingsStart
        textLengths.withUnsafeBufferPointer { lengths in
            docs.withUnsafeBufferPointer { d in
                tfs.withUnsafeBufferPointer { t in
                    positionStarts.withUnsafeBufferPointer { p in
                        encoder.encode(docs: d, tfs: t, lengths: lengths, positionsStarts: withPositions ? p : nil, into: &scratch)
                    }
                }
            }
        }
        if !titleDocs.isEmpty {
            titleLengths.withUnsafeBufferPointer { lengths in
                titleDocs.withUnsafeBufferPointer { d in
                    titleTFs.withUnsafeBufferPointer { t in
                        encoder.encode(docs: d, tfs: t, lengths: lengths, positionsStarts: nil, into: &titleScratch)
                    }
                }
            }
        }
        TermEntry.encodeHeader(df: docs.count, titleDf: titleDocs.count, textListBytes: scratch.count,
                               positionsOffset: withPositions ? positionsOffset : 0, into: &header)
        try file.write(header.bytes)
        try file.write(scratch.bytes)
        try file.write(titleScratch.bytes)
        return UInt64(termOffset)
    }

    /// Writes the single-character lists of `currentChar` from the accumulators and clears them.
    private mutating func flushCharacter(postingsStart: Int) throws(IndexError) {
        charTouched.sort()
        docs.removeAll(keepingCapacity: true); tfs.removeAll(keepingCapacity: true)
        titleDocs.removeAll(keepingCapacity: true); titleTFs.removeAll(keepingCapacity: true)
        positionStarts.removeAll(keepingCapacity: true)
        for d in charTouched {
            docs.append(d); tfs.append(charTF[Int(d)])
            if charTitleTF[Int(d)] > 0 { titleDocs.append(d); titleTFs.append(charTitleTF[Int(d)]) }
            charTF[Int(d)] = 0
            charTitleTF[Int(d)] = 0
        }
        charTouched.removeAll(keepingCapacity: true)
        let entry = try writeLists(postingsStart: postingsStart, positionsOffset: 0, withPositions: false)
        charKeys.u32(currentChar)
        charTerms.u64(entry)
        charTerms.u64(charTokensBase)
        charTerms.u32(UInt32(charFirstToken))
        charTerms.u32(0)
        counts.char += 1
    }
}

/// Merges the terms of one `TermRange` of the runs into encoded lists: one part of the postings and positions
/// sections, which `IndexAssembler` concatenates with the other parts in term order.
///
/// ```
/// MergedTerm --> kind u8 (0 CJK token, 1 word, 2 character), Term, df varint, titleDf varint,
///                textListBytes varint, titleListBytes varint, positionsOffset varint, positionsBytes varint,
///                text list, title list
/// Term       --> key u64 (CJK token) | length varint, bytes (word) | character u32
/// ```
/// The term's positions are `positionsBytes` bytes from `positionsOffset` of the part's positions (none for
/// characters). Runs
/// cover consecutive document ranges, so a term's list is its runs' parts concatenated: a k-way merge of sorted
/// term streams (a binary heap of run readers), never a re-sort of postings. Single-character lists are summed
/// on the fly, because all tokens beginning with one character are adjacent and never cut by a range; a
/// character's record follows its tokens'. O(postings + terms·log runs) for the range.
struct TermMerger {
    private let runs: [Run]
    private let bases: [UInt32]
    private let textLengths: [UInt32]
    private let titleLengths: [UInt32]
    /// The range's `MergedTerm`s.
    let records: SpillFile
    /// The range's positions.
    let positions: SpillFile
    private var encoder = PostingsEncoder()
    private var positionsEncoder = PositionsEncoder()
    private var text = ByteWriter()
    private var title = ByteWriter()
    private var record = ByteWriter()

    // Per-term scratch; `positionStarts`: where each postings block's positions begin, relative to the term's.
    private var docs: [UInt32] = []
    private var tfs: [UInt32] = []
    private var positionStarts: [UInt32] = []
    private var titleDocs: [UInt32] = []
    private var titleTFs: [UInt32] = []

    // Single-character accumulation.
    private var currentChar: UInt32?
    private var charTF: [UInt32]
    private var charTitleTF: [UInt32]
    private var charTouched: [UInt32] = []

    /// A merger of `runs` (in document order, run i's first document numbered `bases[i]`); the parts stream
    /// through temporary files at `spillPath` plus a suffix (in memory when nil).
    init(runs: [Run], bases: [UInt32], textLengths: [UInt32], titleLengths: [UInt32],
         spillPath: String?) throws(IndexError) {
        self.runs = runs
        self.bases = bases
        self.textLengths = textLengths
        self.titleLengths = titleLengths
        if let spillPath {
            records = try SpillFile(path: spillPath + ".terms")
            positions = try SpillFile(path: spillPath)
        } else {
            records = SpillFile()
            positions = SpillFile()
        }
        charTF = [UInt32](repeating: 0, count: textLengths.count)
        charTitleTF = charTF
    }

    /// Merges every term of `range` into `records` and `positions`.
    mutating func merge(_ range: TermRange) throws(IndexError) {
        var heap = BinaryHeap<RunTermReader.MergeOrder>()
        for (i, run) in runs.enumerated() {
            let reader = RunTermReader(run: run, runIndex: i, documentBase: bases[i], from: range.lower)
            if reader.valid && range.upper?.follows(reader) != false { heap.push(reader) }
        }
        while var first = heap.pop() {
            if first.isWord {
                flushCharacter()
            } else if CJKKey.first(first.key) != currentChar {
                // Close the previous character's list before this term reuses the scratch lists.
                flushCharacter()
                currentChar = CJKKey.first(first.key)
            }
            docs.removeAll(keepingCapacity: true); tfs.removeAll(keepingCapacity: true)
            positionStarts.removeAll(keepingCapacity: true)
            titleDocs.removeAll(keepingCapacity: true); titleTFs.removeAll(keepingCapacity: true)
            let positionsOffset = positions.count
            positionsEncoder.beginList()
            record.bytes.removeAll(keepingCapacity: true)
            if first.isWord {
                record.u8(1)
                record.varint(UInt64(first.word.count))
                record.append(first.word)
            } else {
                record.u8(0)
                record.u64(first.key)
            }
            let isWord = first.isWord
            collect(&first)
            while let top = heap.first, RunTermReader.compareTerms(top, first) == 0 {
                var next = heap.pop()!
                collect(&next)
                next.advance()
                if next.valid && range.upper?.follows(next) != false { heap.push(next) }
            }
            first.advance()
            if first.valid && range.upper?.follows(first) != false { heap.push(first) }
            positionsEncoder.endBlock()
            positionsEncoder.take { positions.append($0) }
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
            writeRecord(positions: positionsOffset..<positions.count)
        }
        flushCharacter()
    }

    /// Appends one run's part of the current term to the scratch lists and its positions to the encoder.
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
        positionsEncoder.take { positions.append($0) }
    }

    /// Encodes the scratch lists (text and title) and appends them to `records` behind the term in `record`.
    /// `positions`: the term's bytes in the part's positions; nil for a character's list, which has none.
    private mutating func writeRecord(positions: Range<Int>?) {
        let withPositions = positions != nil
        text.bytes.removeAll(keepingCapacity: true)
        title.bytes.removeAll(keepingCapacity: true)
        textLengths.withUnsafeBufferPointer { lengths in
            docs.withUnsafeBufferPointer { d in
                tfs.withUnsafeBufferPointer { t in
                    positionStarts.withUnsafeBufferPointer { p in
                        encoder.encode(docs: d, tfs: t, lengths: lengths, positionsStarts: withPositions ? p : nil, into: &text)
                    }
                }
            }
        }
        if !titleDocs.isEmpty {
            titleLengths.withUnsafeBufferPointer { lengths in
                titleDocs.withUnsafeBufferPointer { d in
                    titleTFs.withUnsafeBufferPointer { t in
                        encoder.encode(docs: d, tfs: t, lengths: lengths, positionsStarts: nil, into: &title)
                    }
                }
            }
        }
        record.varint(UInt64(docs.count))
        record.varint(UInt64(titleDocs.count))
        record.varint(UInt64(text.count))
        record.varint(UInt64(title.count))
        record.varint(UInt64(positions?.lowerBound ?? 0))
        record.varint(UInt64(positions?.count ?? 0))
        record.bytes.withUnsafeBytes { records.append($0) }
        text.bytes.withUnsafeBytes { records.append($0) }
        title.bytes.withUnsafeBytes { records.append($0) }
    }

    /// Writes the single-character lists of `currentChar` (if any) from the accumulators and clears them.
    private mutating func flushCharacter() {
        guard let c = currentChar else { return }
        currentChar = nil
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
        record.bytes.removeAll(keepingCapacity: true)
        record.u8(2)
        record.u32(c)
        writeRecord(positions: nil)
    }
}

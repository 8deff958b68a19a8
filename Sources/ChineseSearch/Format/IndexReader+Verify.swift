/// The full check behind `search verify`: every checksum, every dictionary's order, every document record,
/// every stored-text block decoded to its length, every postings list decoded to its end and every positions
/// list read. O(file size).
extension IndexReader {
    func verify() throws(IndexError) {
        let whole = bytes
        let fileChecksum = whole.u64Unchecked(at: whole.count - 8)
        if Checksum.xxh64(whole.slice(0, whole.count - 8)!) != fileChecksum {
            throw .checksumMismatch(path: path, section: "whole file")
        }
        for section in sectionTable where Checksum.xxh64(whole.slice(section.offset, section.length)!) != section.checksum {
            throw .checksumMismatch(path: path, section: section.kind.name)
        }
        let stats = statistics
        for i in 0..<stats.documentCount {
            let r = record(i)
            guard r.storedRange(within: storedBlocks.textLength) != nil, r.stringRanges(within: strings.count) != nil,
                  r.titleBytes <= r.storedLength else {
                throw .corrupt(path: path, detail: "document \(i) points outside its sections")
            }
        }
        if let damage = storedBlocks.firstDamage() { throw .corrupt(path: path, detail: damage) }
        for i in 0..<stats.documentCount {
            let title = record(i).stringRanges(within: strings.count)!.title
            guard storedBytes(i, in: 0..<title.count).elementsEqual(UnsafeRawBufferPointer(rebasing: strings[title])) else {
                throw .corrupt(path: path, detail: "the title of document \(i) differs from its stored text")
            }
        }
        try verifyPathOrder()
        try verifyFields()
        try verifyCheckpoints()
        var expectedFirst = 0
        for c in 0..<stats.charTermCount {
            let tokens = tokens(ofCharacter: c)
            if tokens.lowerBound != expectedFirst || tokens.isEmpty || (c > 0 && charKey(at: c - 1) >= charKey(at: c)) {
                throw .corrupt(path: path, detail: "character \(c) has a bad token range or order")
            }
            for i in tokens.dropFirst() where cjkKeys.u32Unchecked(at: (i - 1) * 4) >= cjkKeys.u32Unchecked(at: i * 4) {
                throw .corrupt(path: path, detail: "CJK term keys are not sorted at entry \(i)")
            }
            expectedFirst = tokens.upperBound
        }
        if expectedFirst != stats.cjkTermCount { throw .corrupt(path: path, detail: "CJK tokens without a character") }
        for i in 0..<stats.cjkTermCount { try verifyLists(cjkEntry(i), positions: true, name: "CJK term \(i)") }
        for i in 0..<stats.wordTermCount {
            guard wordText(i) != nil else { throw .corrupt(path: path, detail: "word term \(i) has bad offsets") }
            if i > 0, compareBytes(wordText(i - 1)!, wordText(i)!) >= 0 {
                throw .corrupt(path: path, detail: "word terms are not sorted at entry \(i)")
            }
            try verifyLists(wordEntry(at: i), positions: true, name: "word term \(i)")
        }
        for i in 0..<stats.charTermCount {
            try verifyLists(charEntry(at: i), positions: false, name: "character \(i)")
        }
    }

    /// The path ranks are a permutation, the path order its inverse, and the paths ascend in that order.
    private func verifyPathOrder() throws(IndexError) {
        let n = statistics.documentCount
        for rank in 0..<n {
            let d = Int(pathOrder.u32Unchecked(at: rank * 4))
            guard d < n, Int(pathRank(UInt32(d))) == rank else {
                throw .corrupt(path: path, detail: "path order and path ranks disagree at rank \(rank)")
            }
            if rank > 0, compareBytes(pathBytes(Int(pathOrder.u32Unchecked(at: (rank - 1) * 4))), pathBytes(d)) >= 0 {
                throw .corrupt(path: path, detail: "paths are not in order at rank \(rank)")
            }
        }
    }

    /// Field values sorted and distinct, every record's ids in range and its category ids inside their section.
    private func verifyFields() throws(IndexError) {
        for id in 0..<valueCount {
            guard let text = valueText(id), text.count > 1, FieldKind(rawValue: text[0]) != nil else {
                throw .corrupt(path: path, detail: "field value \(id) has bad offsets or kind")
            }
            if id > 0, let previous = valueText(id - 1), compareBytes(previous, text) >= 0 {
                throw .corrupt(path: path, detail: "field values are not sorted at \(id)")
            }
        }
        for d in 0..<UInt32(statistics.documentCount) {
            let r = fields(d)
            let inRange = r.author == FieldRecord.noValue || Int(r.author) < valueCount
            let categoriesFit = UInt64(r.categoriesStart) + UInt64(r.categoryCount) <= UInt64(categoryIDs.count / 4)
            guard inRange, categoriesFit, r.shownOffset <= UInt64(shownValues.count),
                  !anyCategory(of: d, { Int($0) >= valueCount }) else {
                throw .corrupt(path: path, detail: "the fields of document \(d) point outside their sections")
            }
        }
    }

    /// The token checkpoints: listed documents ascending and in range, each with checkpoints, and within each
    /// document positions and offsets strictly ascending inside its tokens and its stored text.
    private func verifyCheckpoints() throws(IndexError) {
        let c = tokenCheckpoints
        var expectedFirst = 0
        for i in 0..<c.documentCount {
            let doc = c.document(at: i)
            let checkpoints = c.checkpoints(ofListed: i)
            guard doc < statistics.documentCount, i == 0 || c.document(at: i - 1) < doc,
                  checkpoints.lowerBound == expectedFirst, !checkpoints.isEmpty else {
                throw .corrupt(path: path, detail: "token checkpoint document \(i) is out of order or has none")
            }
            guard c.ascend(checkpoints, tokens: Int(textLength(UInt32(doc))), length: storedLength(doc)) else {
                throw .corrupt(path: path, detail: "token checkpoints of document \(doc) do not ascend inside its text")
            }
            expectedFirst = checkpoints.upperBound
        }
        if expectedFirst != c.checkpointCount {
            throw .corrupt(path: path, detail: "token checkpoints belong to no document")
        }
    }

    private func verifyLists(_ entry: TermEntry, positions withPositions: Bool, name: String) throws(IndexError) {
        guard !entry.damaged, entry.titlePostingsOffset < UInt64(postings.count),
              entry.positionsOffset <= UInt64(postings.count) else {
            throw .corrupt(path: path, detail: "\(name) has an entry outside the postings")
        }
        let text = textCursor(entry)
        var count = 0
        var ok = true
        while text.doc != PostingsCursor.end {
            count += 1
            if withPositions {
                var seen: UInt32 = 0
                text.forEachPosition { _ in seen += 1; return true }
                ok = ok && seen == text.tf
            }
            text.next()
        }
        if text.damaged || count != Int(entry.df) || !ok {
            throw .corrupt(path: path, detail: "postings of \(name) do not decode")
        }
        if let title = titleCursor(entry) {
            var n = 0
            while title.doc != PostingsCursor.end { n += 1; title.next() }
            if title.damaged || n != Int(entry.titleDf) {
                throw .corrupt(path: path, detail: "title postings of \(name) do not decode")
            }
        }
    }
}

/// The document table and the per-document sections, read in place (`DocumentRecord` is the record's layout).
extension IndexReader {
    /// The record of document `doc` (< documentCount). O(1).
    func record(_ doc: Int) -> DocumentRecord { DocumentRecord(loading: documents, doc: doc) }

    /// Token count of document `doc`'s text field. O(1).
    @inline(__always) func textLength(_ doc: UInt32) -> UInt32 {
        documents.u32Unchecked(at: Int(doc) * DocumentRecord.size + DocumentRecord.textTokensOffset)
    }

    /// Token count of document `doc`'s title field. O(1).
    @inline(__always) func titleLength(_ doc: UInt32) -> UInt32 {
        documents.u32Unchecked(at: Int(doc) * DocumentRecord.size + DocumentRecord.titleTokensOffset)
    }

    /// The rank of `doc`'s path among the segment's paths (byte order): the tie-break of equal scores. O(1).
    @inline(__always) func pathRank(_ doc: UInt32) -> UInt32 { pathRanks.u32Unchecked(at: Int(doc) * 4) }

    /// The stored text (title, newline, body) of `doc`, decoded from the blocks it lies in; nil when its record
    /// or one of those blocks is damaged. O(blocks of the document × block size).
    func storedText(_ doc: Int) -> [UInt8]? {
        guard let range = record(doc).storedRange(within: storedBlocks.textLength) else { return nil }
        return storedBlocks.bytes(in: range)
    }

    /// Byte length of `doc`'s stored text (title, newline, body); 0 when the record is damaged. O(1).
    func storedLength(_ doc: Int) -> Int { record(doc).storedRange(within: storedBlocks.textLength)?.count ?? 0 }

    /// The bytes `range` of `doc`'s stored text, the range clamped to the stored length; empty when the record or
    /// a block the range touches is damaged. Decodes only the blocks the range touches: O(those × block size).
    func storedBytes(_ doc: Int, in range: Range<Int>) -> [UInt8] {
        guard let stored = record(doc).storedRange(within: storedBlocks.textLength) else { return [] }
        let clamped = range.clamped(to: 0..<stored.count)
        return storedBlocks.bytes(in: (stored.lowerBound + clamped.lowerBound)..<(stored.lowerBound + clamped.upperBound)) ?? []
    }

    /// Byte length of the title at the start of the stored text.
    func titleByteCount(_ doc: Int) -> Int { Int(record(doc).titleBytes) }

    /// The path bytes of `doc`; empty when the record is damaged.
    func pathBytes(_ doc: Int) -> UnsafeRawBufferPointer {
        guard let ranges = record(doc).stringRanges(within: strings.count) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: strings[ranges.path])
    }

    /// The document's path relative to the indexed folder.
    func documentPath(_ doc: Int) -> String { String(decoding: pathBytes(doc), as: UTF8.self) }

    /// The document's date as written in its front matter, or "".
    func documentDate(_ doc: Int) -> String {
        guard let ranges = record(doc).stringRanges(within: strings.count) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: strings[ranges.date]), as: UTF8.self)
    }

    /// The document's title, read from the strings section (a copy of the stored text's first `titleBytes`
    /// bytes, so showing a hit decodes no block); "" when the record is damaged. O(title).
    func documentTitle(_ doc: Int) -> String {
        guard let ranges = record(doc).stringRanges(within: strings.count) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: strings[ranges.title]), as: UTF8.self)
    }

    /// What the index recorded of `doc`'s source file.
    func sourceStamp(_ doc: Int) -> SourceStamp {
        SourceStamp(loading: sources, at: doc * IndexLayout.sourceStampSize)
    }

    /// The document whose path is `path` (UTF-8 bytes), by binary search over the path order. O(log documents).
    func document(withPath path: UnsafeRawBufferPointer) -> Int? {
        let n = statistics.documentCount
        func doc(atRank r: Int) -> Int? {
            let d = Int(pathOrder.u32Unchecked(at: r * 4))
            return d < n ? d : nil
        }
        var low = 0, high = n
        while low < high {
            let mid = (low + high) >> 1
            guard let d = doc(atRank: mid) else { return nil }
            if compareBytes(pathBytes(d), path) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < n, let d = doc(atRank: low), compareBytes(pathBytes(d), path) == 0 else { return nil }
        return d
    }
}

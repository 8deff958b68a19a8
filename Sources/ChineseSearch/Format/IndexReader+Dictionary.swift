/// Term lookups, in place on the mapped dictionaries: binary searches, O(log terms), no allocation.
extension IndexReader {
    /// The sorted position of CJK key `key`, if present.
    func cjkIndex(of key: UInt64) -> Int? {
        let i = cjkLowerBound(key)
        return i < statistics.cjkTermCount && cjkKeys.u64Unchecked(at: i * 8) == key ? i : nil
    }

    /// The first position whose key is ≥ `key`.
    func cjkLowerBound(_ key: UInt64) -> Int {
        var low = 0, high = statistics.cjkTermCount
        while low < high {
            let mid = (low + high) >> 1
            if cjkKeys.u64Unchecked(at: mid * 8) < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The positions of every CJK token that begins with `character`: a contiguous range.
    func cjkRange(startingWith character: UInt32) -> Range<Int> {
        let range = CJKKey.range(startingWith: character)
        return cjkLowerBound(range.lowerBound)..<cjkLowerBound(range.upperBound + 1)
    }

    /// The key at sorted position `index`.
    func cjkKey(at index: Int) -> UInt64 { cjkKeys.u64Unchecked(at: index * 8) }

    /// The entry of the CJK term at `index`.
    func cjkEntry(_ index: Int) -> TermEntry { entry(cjkTerms, index) }

    /// The entry of word term `index`.
    func wordEntry(at index: Int) -> TermEntry { entry(wordTerms, index) }

    /// The entry of single-character list `index`.
    func charEntry(at index: Int) -> TermEntry { entry(charTerms, index) }

    private func entry(_ section: UnsafeRawBufferPointer, _ index: Int) -> TermEntry {
        TermEntry(postings: postings, offset: section.u64Unchecked(at: index * IndexLayout.termEntrySize))
    }

    /// The bytes of word term `index`, or nil when its offsets are damaged.
    func wordText(_ index: Int) -> UnsafeRawBufferPointer? {
        let start = wordOffsets.u64Unchecked(at: index * 8), end = wordOffsets.u64Unchecked(at: index * 8 + 8)
        guard start <= end, end <= UInt64(wordBytes.count) else { return nil }
        return wordBytes.slice(Int(start), Int(end - start))
    }

    /// The entry of the word `bytes` (normalized UTF-8), if present.
    func wordEntry(_ bytes: UnsafeRawBufferPointer) -> TermEntry? {
        var low = 0, high = statistics.wordTermCount
        while low < high {
            let mid = (low + high) >> 1
            guard let text = wordText(mid) else { return nil }
            if compareBytes(text, bytes) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < statistics.wordTermCount, let text = wordText(low), compareBytes(text, bytes) == 0 else { return nil }
        return wordEntry(at: low)
    }

    /// The entry of single-character list `character`, if present.
    func charEntry(_ character: UInt32) -> TermEntry? {
        var low = 0, high = statistics.charTermCount
        while low < high {
            let mid = (low + high) >> 1
            if charKeys.u32Unchecked(at: mid * 4) < character { low = mid + 1 } else { high = mid }
        }
        guard low < statistics.charTermCount, charKeys.u32Unchecked(at: low * 4) == character else { return nil }
        return charEntry(at: low)
    }

    /// A cursor on the text-field list of `entry` (with positions when the list has them).
    func textCursor(_ entry: TermEntry) -> PostingsCursor {
        PostingsCursor(postings: postings, listStart: Int(clamping: entry.postingsOffset),
                       df: entry.damaged ? -1 : Int(entry.df),
                       positions: positions, positionsStart: Int(clamping: entry.positionsOffset),
                       documentCount: statistics.documentCount)
    }

    /// A cursor on the title-field list of `entry`, nil when no title holds the term.
    func titleCursor(_ entry: TermEntry) -> PostingsCursor? {
        guard entry.titleDf > 0, !entry.damaged else { return nil }
        return PostingsCursor(postings: postings, listStart: Int(clamping: entry.titlePostingsOffset), df: Int(entry.titleDf),
                              positions: positions, positionsStart: 0, documentCount: statistics.documentCount)
    }
}

/// Byte-wise lexicographic comparison: negative, zero or positive.
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
    return a.count - b.count
}

/// Term lookups, in place on the mapped dictionaries: binary searches, O(log terms), no allocation.
extension IndexReader {
    /// The position of character `c` in the character dictionary, if present.
    func charIndex(of c: UInt32) -> Int? {
        var low = 0, high = statistics.charTermCount
        while low < high {
            let mid = (low + high) >> 1
            if charKeys.u32Unchecked(at: mid * 4) < c { low = mid + 1 } else { high = mid }
        }
        return low < statistics.charTermCount && charKeys.u32Unchecked(at: low * 4) == c ? low : nil
    }

    /// The character at position `index` of the character dictionary.
    func charKey(at index: Int) -> UInt32 { charKeys.u32Unchecked(at: index * 4) }

    private func charField64(_ index: Int, _ field: Int) -> UInt64 {
        charTerms.u64Unchecked(at: index * IndexLayout.charEntrySize + field)
    }

    /// The first CJK token of character `index`, clamped into the token count (a damaged value cannot escape).
    private func firstToken(_ index: Int) -> Int {
        if index >= statistics.charTermCount { return statistics.cjkTermCount }
        return min(Int(charTerms.u32Unchecked(at: index * IndexLayout.charEntrySize + 16)), statistics.cjkTermCount)
    }

    /// The CJK tokens beginning with character `index`: a contiguous range of token numbers.
    func tokens(ofCharacter index: Int) -> Range<Int> {
        let low = firstToken(index), high = firstToken(index + 1)
        return low <= high ? low..<high : low..<low
    }

    /// The character owning token `token`: the last character whose first token is ≤ `token`.
    private func owner(ofToken token: Int) -> Int {
        var low = 0, high = statistics.charTermCount
        while low < high {
            let mid = (low + high) >> 1
            if firstToken(mid) <= token { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    /// The token number of CJK key `key`, if present.
    func cjkIndex(of key: UInt64) -> Int? {
        guard let c = charIndex(of: CJKKey.first(key)) else { return nil }
        let range = tokens(ofCharacter: c)
        let second = CJKKey.second(key)
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if cjkKeys.u32Unchecked(at: mid * 4) < second { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && cjkKeys.u32Unchecked(at: low * 4) == second ? low : nil
    }

    /// The token numbers of every CJK token that begins with `character`: a contiguous range.
    func cjkRange(startingWith character: UInt32) -> Range<Int> {
        charIndex(of: character).map(tokens(ofCharacter:)) ?? 0..<0
    }

    /// The key of token `index`. O(log characters).
    func cjkKey(at index: Int) -> UInt64 {
        CJKKey.make(charKey(at: owner(ofToken: index)), cjkKeys.u32Unchecked(at: index * 4))
    }

    /// Where CJK token `index`'s term header is in the postings section: its character's tokens base plus
    /// its own u32 offset (UInt64.max when a damaged base overflows). O(log characters).
    func cjkTermOffset(_ index: Int) -> UInt64 {
        let (offset, overflow) = charField64(owner(ofToken: index), 8)
            .addingReportingOverflow(UInt64(cjkTerms.u32Unchecked(at: index * IndexLayout.cjkEntrySize)))
        return overflow ? .max : offset
    }

    /// Where word term `index`'s header is in the postings section.
    func wordTermOffset(_ index: Int) -> UInt64 { wordTerms.u64Unchecked(at: index * IndexLayout.termEntrySize) }

    /// Where single-character list `index`'s header is in the postings section.
    func charTermOffset(_ index: Int) -> UInt64 { charField64(index, 0) }

    /// The entry of CJK token `index`. O(log characters).
    func cjkEntry(_ index: Int) -> TermEntry { TermEntry(postings: postings, offset: cjkTermOffset(index)) }

    /// The entry of word term `index`.
    func wordEntry(at index: Int) -> TermEntry { TermEntry(postings: postings, offset: wordTermOffset(index)) }

    /// The entry of single-character list `index`.
    func charEntry(at index: Int) -> TermEntry { TermEntry(postings: postings, offset: charTermOffset(index)) }

    /// The bytes of word term `index`, or nil when its offsets are damaged.
    func wordText(_ index: Int) -> UnsafeRawBufferPointer? {
        let start = wordOffsets.u64Unchecked(at: index * 8), end = wordOffsets.u64Unchecked(at: index * 8 + 8)
        guard start <= end, end <= UInt64(wordBytes.count) else { return nil }
        return wordBytes.slice(Int(start), Int(end - start))
    }

    /// The dictionary position of the word `bytes` (normalized UTF-8), if present.
    func wordIndex(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var low = 0, high = statistics.wordTermCount
        while low < high {
            let mid = (low + high) >> 1
            guard let text = wordText(mid) else { return nil }
            if compareBytes(text, bytes) < 0 { low = mid + 1 } else { high = mid }
        }
        guard low < statistics.wordTermCount, let text = wordText(low), compareBytes(text, bytes) == 0 else { return nil }
        return low
    }

    /// The entry of the word `bytes` (normalized UTF-8), if present.
    func wordEntry(_ bytes: UnsafeRawBufferPointer) -> TermEntry? { wordIndex(bytes).map(wordEntry(at:)) }

    /// The entry of single-character list `character`, if present.
    func charEntry(_ character: UInt32) -> TermEntry? { charIndex(of: character).map(charEntry(at:)) }

    /// A cursor on the text-field list of `entry` (with positions when the list has them).
    func textCursor(_ entry: TermEntry) -> PostingsCursor {
        PostingsCursor(postings: postings, listStart: Int(clamping: entry.postingsOffset),
                       df: entry.damaged ? -1 : Int(entry.df),
                       positions: postings, positionsStart: Int(clamping: entry.positionsOffset),
                       documentCount: statistics.documentCount)
    }

    /// A cursor on the title-field list of `entry`, nil when no title holds the term.
    func titleCursor(_ entry: TermEntry) -> PostingsCursor? {
        guard entry.titleDf > 0, !entry.damaged else { return nil }
        return PostingsCursor(postings: postings, listStart: Int(clamping: entry.titlePostingsOffset), df: Int(entry.titleDf),
                              positions: postings, positionsStart: 0, documentCount: statistics.documentCount)
    }
}

/// Byte-wise lexicographic comparison: negative, zero or positive.
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
    return a.count - b.count
}

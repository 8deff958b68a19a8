/// Author and category values as they are matched: normalized like text, so `author:IT之家` finds `ＩＴ之家`
/// and `category:國際` finds `国际`.
extension Analyzer {
    /// The form of a field value used for matching: every scalar normalized as the tokenizer normalizes it
    /// (NFKC, lowercase, traditional → simplified; see `Analyzer`), white space (after normalization, so
    /// U+3000 and U+00A0 too) trimmed at both ends and each inner run of it made one space. Punctuation is
    /// kept: `C++` and `C` are different authors.
    ///
    /// Where the tokenizer departs from NFKC of the whole text on purpose (marks after CJK, unprecomposed
    /// Hangul jamo; see `Analyzer`), a value is NFKC of the whole: it is matched whole, never bigrammed.
    /// Shown values stay as written; only this form is compared. O(length); allocates the result.
    public func normalizedFieldValue(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in FoldingTable.normalizedText(value).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }
}

extension Analyzer {
    /// The version of the analyzer's tables, recorded in every index: the XXH64 of their content (every fold,
    /// class range and kana composition of `FoldingTable+Data.swift`, written as the generator's hexadecimal
    /// lines), checked by `TableVersionTests`, so it names what the tables say, not how they are stored. An index
    /// built with other tables is refused (`IndexError.analyzerMismatch`), since its tokens would no longer match
    /// this build's queries.
    static let tableVersion: UInt64 = 0x4F75_E857_7CD7_0597
}

extension Analyzer {
    /// The version of the analyzer's tables, recorded in every index: the XXH64 of the generated table data
    /// (`FoldingTable+Data.swift`), checked by `TableVersionTests`. An index built with other tables is refused
    /// (`IndexError.analyzerMismatch`), since its tokens would no longer match this build's queries.
    static let tableVersion: UInt64 = 0x4F75_E857_7CD7_0597
}

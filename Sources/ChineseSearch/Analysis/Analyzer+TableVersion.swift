extension Analyzer {
    /// The version of the analyzer's tables, recorded in every index: an index built with other tables is
    /// refused, since its tokens would no longer match.
    static let tableVersion: UInt64 = 1
}

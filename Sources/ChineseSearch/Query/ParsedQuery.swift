/// A query as the user wrote it, before analysis: required clauses of terms, exclusions, and field filters.
///
/// A query of filters only (`category:新闻 date:2022`) is valid: it has no clauses and matches every document
/// passing its filters. Filters never add to scores.
struct ParsedQuery: Equatable {
    /// A term as written: its text, whether it was quoted, and the field it must match in.
    struct Term: Equatable {
        var text: String
        var quoted: Bool
        /// Where the term must match: `.anyField` (text or title, as every plain term) or `.title` (`title:小米`).
        var field: TermField = .anyField
    }

    /// The fields a term may be restricted to.
    enum TermField: Equatable {
        /// The body text and the title, the default.
        case anyField
        /// The title only.
        case title
    }

    /// A condition on a document's fields; values are normalized (`Analyzer.normalizedFieldValue`).
    enum Filter: Equatable {
        /// The document's author, normalized, equals this value.
        case author(String)
        /// One of the document's categories, normalized, equals this value.
        case category(String)
        /// The document's date lies in this range; a document without a readable date passes no date filter.
        case date(DateRange)
    }

    /// Required clauses; each is a list of alternatives joined by OR.
    var clauses: [[Term]] = []
    /// Terms whose documents are excluded.
    var excluded: [Term] = []
    /// Filters every matching document passes (`author:x`, `category:x`, `date:…`), all of them.
    var filters: [Filter] = []
    /// Filters whose documents are excluded (`-category:广告`).
    var excludedFilters: [Filter] = []
}

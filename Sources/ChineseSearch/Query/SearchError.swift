/// Errors of a search that are about the query, not the index.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// The query has no letters, digits or CJK characters to search for.
    case emptyQuery(String)
    /// An option is out of its range.
    case invalidOption(String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .emptyQuery(let q):
            return "query '\(q)' has nothing to search for (only punctuation, symbols or spaces); give at least one word or Chinese character"
        case .invalidOption(let message):
            return message
        }
    }
}

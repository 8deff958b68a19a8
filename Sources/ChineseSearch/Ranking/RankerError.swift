/// Why a `Ranker` could not be made.
public enum RankerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `titles` was given with another number of entries than `texts`: every text needs its title.
    case titleCountMismatch(texts: Int, titles: Int)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .titleCountMismatch(let texts, let titles):
            return "\(texts) texts but \(titles) titles: give one title per text, or none"
        }
    }
}

/// A query that cannot be read as written: a malformed field filter, or operators used in a way this engine
/// does not take. Each message names what was wrong and how to write it instead.
public enum QuerySyntaxError: Error, Equatable, CustomStringConvertible {
    /// `author:`, `category:`, `title:` or `date:` with no value after the colon (the field's name as written).
    case emptyFilter(field: String)
    /// A `date:` value that is none of the accepted forms; `problem` says what was wrong with it.
    case malformedDate(value: String, problem: String)
    /// `OR` next to a field filter: OR joins terms only.
    case filterInAlternatives(String)
    /// `OR`, `AND` or `NOT` (as written) without the words it needs.
    case danglingOperator(String)
    /// Exclusions only: nothing is required, so every document would match.
    case onlyExclusions(String)

    /// The forms a `date:` value may take, for messages and help.
    public static let dateForms = "date:2022-08-26 (a day), date:2022-08 (a month), date:2022 (a year), "
        + "date:2022-08-01..2022-08-31 (inclusive), date:2022-08.. or date:..2022-08-31 (open), "
        + "date:>=2022-08-26, date:>2022-08, date:<=2022, date:<2023; days are UTC unless the value carries an "
        + "offset (date:2022-08-26+08:00)"

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .emptyFilter(let field):
            let example = field.lowercased() == "date" ? Self.dateForms : "\(field):VALUE or \(field):\"two words\""
            return "the filter '\(field):' has no value; write \(example)"
        case .malformedDate(let value, let problem):
            return "the filter 'date:\(Self.abbreviated(value))' is not a date (\(problem)); write \(Self.dateForms)"
        case .filterInAlternatives(let filter):
            return "OR joins search terms, not filters ('\(Self.abbreviated(filter))'); write the filter on its own, "
                + "e.g. 'category:新闻 小米 OR 华为'"
        case .danglingOperator(let word) where word.uppercased() == "OR":
            return "'\(word)' needs a search term on each side, neither an exclusion nor a filter (小米 OR 华为); "
                + "to search for the word itself, quote it: \"\(word)\""
        case .danglingOperator(let word) where word.uppercased() == "AND":
            return "'\(word)' needs a word on each side (小米 AND 汽车, the same as 小米 汽车); "
                + "to search for the word itself, quote it: \"\(word)\""
        case .danglingOperator(let word):
            return "'\(word)' needs a word after it (汽车 NOT 广告, the same as 汽车 -广告); "
                + "to search for the word itself, quote it: \"\(word)\""
        case .onlyExclusions(let query):
            return "query '\(Self.abbreviated(query))' only excludes (-word, NOT word); give at least one word or filter to match, "
                + "e.g. '汽车 -广告' or 'category:新闻 -广告'"
        }
    }

    /// `text`, cut to its first 40 characters and "…" when longer, so a hostile value is not echoed whole.
    private static func abbreviated(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "…"
    }
}

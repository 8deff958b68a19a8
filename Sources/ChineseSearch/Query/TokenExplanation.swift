/// How one token contributed to a hit's score, in one field.
///
/// Its `Codable` form is one element of a hit's `explain` array in `search query --json --explain`:
/// `token`, `field`, `tf`, `df`, `idf`, `length`, `average_length`, `contribution`.
public struct TokenExplanation: Sendable, Hashable, Codable {
    /// The fields a document's score is summed over.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// The whole stored text: title and body.
        case text
        /// The title alone, weighted by `SearchOptions.titleWeight`.
        case title
    }

    /// The token's text (`车*` for a lone character matching every token that begins with it).
    public var token: String
    /// The field this contribution comes from.
    public var field: Field
    /// Occurrences in the field of this document.
    public var tf: Int
    /// Documents whose field holds the token.
    public var df: Int
    /// Its inverse document frequency.
    public var idf: Double
    /// The field's length in tokens.
    public var fieldLength: Int
    /// The field's mean length over all documents.
    public var averageFieldLength: Double
    /// Its contribution to the score (title contributions include the title weight).
    public var contribution: Double

    /// An explanation from its parts.
    ///
    /// - Parameters:
    ///   - token: The token's display text.
    ///   - field: The field.
    ///   - tf: Occurrences in the field of the document.
    ///   - df: Documents whose field holds the token.
    ///   - idf: The token's inverse document frequency in the field.
    ///   - fieldLength: The field's length in tokens.
    ///   - averageFieldLength: The field's mean length over all documents.
    ///   - contribution: The token's share of the score.
    public init(token: String, field: Field, tf: Int, df: Int, idf: Double, fieldLength: Int,
                averageFieldLength: Double, contribution: Double) {
        self.token = token
        self.field = field
        self.tf = tf
        self.df = df
        self.idf = idf
        self.fieldLength = fieldLength
        self.averageFieldLength = averageFieldLength
        self.contribution = contribution
    }

    enum CodingKeys: String, CodingKey {
        case token, field, tf, df, idf, fieldLength = "length", averageFieldLength = "average_length", contribution
    }
}

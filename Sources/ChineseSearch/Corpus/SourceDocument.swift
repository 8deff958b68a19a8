/// One document as read from a corpus file: front matter fields and the body as plain text.
public struct SourceDocument: Sendable, Equatable {
    /// Path relative to the indexed folder, with `/` separators.
    public var path: String
    /// The front matter `title`, else the HTML `<title>` of the body, else the file name without its extension.
    public var title: String
    /// The `date` field as written, or "".
    public var date: String
    /// The `author` field, or "".
    public var author: String
    /// The `categories` field, in order.
    public var categories: [String]
    /// The body as plain text (HTML tags removed, entities decoded, block elements as line breaks).
    public var body: String

    /// Creates a document from its parts.
    public init(path: String, title: String, date: String = "", author: String = "", categories: [String] = [], body: String) {
        self.path = path
        self.title = title
        self.date = date
        self.author = author
        self.categories = categories
        self.body = body
    }
}

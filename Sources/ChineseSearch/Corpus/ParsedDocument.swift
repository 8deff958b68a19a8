/// The result of parsing one corpus file: the document plus what the parser had to repair.
struct ParsedDocument: Sendable, Equatable {
    /// The document's fields and plain-text body.
    var document: SourceDocument
    /// True when the file was not valid UTF-8; each invalid sequence became U+FFFD (�) in the output.
    var invalidUTF8: Bool

    /// Creates a parse result from its parts.
    init(document: SourceDocument, invalidUTF8: Bool) {
        self.document = document
        self.invalidUTF8 = invalidUTF8
    }
}

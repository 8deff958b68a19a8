/// Turns the bytes of one corpus file into a `SourceDocument`: front matter fields plus the body as plain text.
///
/// See `FrontMatterLayout` for how the front matter block is found, `FrontMatter` for the fields read
/// from it and `HTMLText` for how the body becomes plain text.
enum DocumentParser {
    /// Parses the file `bytes` found at `path` (relative to the corpus folder, used for the document's path).
    /// The title is the front matter's `title`, else the body's HTML `<title>`, else the file name without its
    /// extension.
    ///
    /// Invalid UTF-8 is never dropped: each invalid sequence becomes U+FFFD and `invalidUTF8` is set.
    /// O(n) in the file size; a valid file is decoded without copying it first.
    static func parse(_ bytes: UnsafeRawBufferPointer, path: String) -> ParsedDocument {
        if UTF8Validation.isValid(bytes) {
            return ParsedDocument(document: document(bytes, path: path), invalidUTF8: false)
        }
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return repaired.withUnsafeBytes { ParsedDocument(document: document($0, path: path), invalidUTF8: true) }
    }

    /// Builds the document from valid UTF-8 `bytes`.
    private static func document(_ bytes: UnsafeRawBufferPointer, path: String) -> SourceDocument {
        let layout = FrontMatterLayout(of: bytes)
        let fields = layout.fields.map { FrontMatter(bytes, fields: $0) }
        let body = HTMLText.convert(UnsafeRawBufferPointer(rebasing: bytes[layout.body]))
        let title = [fields?.title, body.title].lazy.compactMap { $0 }.first { !$0.isEmpty } ?? fileStem(path)
        return SourceDocument(
            path: path,
            title: title,
            date: fields?.date ?? "",
            author: fields?.author ?? "",
            categories: fields?.categories ?? [],
            body: body.text
        )
    }

    /// The last component of `path` without its extension: "a/b/notes.txt" → "notes", ".profile" → ".profile".
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }
}

@testable import ChineseSearch

/// Parses `text` as the bytes of a corpus file at `path`.
func parse(_ text: String, path: String = "dir/article.txt") -> ParsedDocument {
    parse(bytes: Array(text.utf8), path: path)
}

/// Parses raw `bytes` as a corpus file at `path`.
func parse(bytes: [UInt8], path: String = "dir/article.txt") -> ParsedDocument {
    bytes.withUnsafeBytes { DocumentParser.parse($0, path: path) }
}

/// The plain text of an HTML body on its own.
func plainText(_ html: String) -> String {
    Array(html.utf8).withUnsafeBytes { HTMLText.plainText($0) }
}

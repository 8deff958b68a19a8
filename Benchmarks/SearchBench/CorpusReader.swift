// Measures nothing: reads a corpus folder the way the benchmarks agree to (title + body text), for the query generator.
// Rules shared with Benchmarks/scripts/corpus_text.py: YAML front matter title, HTML tags dropped, entities decoded.
// Watch: keep both readers in step, so competitors and query sets see the same text.
import Foundation

/// One corpus document as plain text.
struct CorpusText {
    var path: String
    var title: String
    var body: String
}

enum CorpusReader {
    /// Paths (relative to `directory`) of all regular files not starting with ".", sorted bytewise.
    static func files(in directory: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw BenchError.io("cannot read folder \(directory)")
        }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func read(directory: String, path: String) throws -> CorpusText {
        guard let data = FileManager.default.contents(atPath: directory + "/" + path) else {
            throw BenchError.io("cannot read \(directory)/\(path)")
        }
        return parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Splits front matter from the body and turns the body's HTML into text.
    static func parse(_ text: String, path: String) -> CorpusText {
        var title = ""
        var body = Substring(text)
        let trimmed = text.drop { $0 == "\n" || $0 == "\r" || $0 == " " || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("---\r\n") {
            let afterOpen = trimmed.dropFirst(trimmed.hasPrefix("---\n") ? 4 : 5)
            if let close = afterOpen.range(of: "\n---") {
                let frontMatter = afterOpen[..<close.lowerBound]
                for line in frontMatter.split(separator: "\n") where line.hasPrefix("title:") {
                    title = unquote(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
                }
                let rest = afterOpen[close.upperBound...]
                body = rest.drop { $0 != "\n" }
            }
        }
        if title.isEmpty { title = ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
        return CorpusText(path: path, title: title, body: htmlToText(body))
    }

    static func unquote(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        return value
    }

    private static let blockTags: Set<[UInt8]> = Set(["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2",
        "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "section", "article"].map { Array($0.utf8) })

    /// Drops tags (block tags become line breaks, script and style contents are dropped) and decodes entities.
    ///
    /// Works on UTF-8 bytes: tags and entities are ASCII, so multi-byte characters pass through untouched. O(n).
    static func htmlToText<S: StringProtocol>(_ html: S) -> String {
        var bytes = Array(html.utf8)
        return bytes.withUnsafeMutableBufferPointer { htmlToText(UnsafeBufferPointer($0)) }
    }

    static func htmlToText(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var skipping: [UInt8] = []   // "script" or "style" while inside one
        let n = b.count
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        func isNameByte(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                var j = i + 1
                let closing = j < n && b[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                var name: [UInt8] = []
                while j < n && isNameByte(b[j]) { name.append(lower(b[j])); j += 1 }
                while j < n && b[j] != UInt8(ascii: ">") { j += 1 }
                if !skipping.isEmpty {
                    if closing && name == skipping { skipping = [] }
                } else if name == Array("script".utf8) || name == Array("style".utf8) {
                    if !closing { skipping = name }
                } else if blockTags.contains(name) {
                    out.append(10)
                }
                i = j + 1
                continue
            }
            if !skipping.isEmpty { i += 1; continue }
            if c == UInt8(ascii: "&") {
                var j = i + 1
                while j < n && j - i < 12 && b[j] != UInt8(ascii: ";") && b[j] != UInt8(ascii: "&") && b[j] != UInt8(ascii: "<") { j += 1 }
                if j < n && b[j] == UInt8(ascii: ";"),
                   let decoded = decodeEntity(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self)) {
                    out.append(contentsOf: String(decoded).utf8)
                    i = j + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decodeEntity(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                return UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            }
            if entity.hasPrefix("#") { return UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }

    /// True for CJK ideographs (the characters our tokenizer bigrams).
    @inline(__always) static func isIdeograph(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }
}

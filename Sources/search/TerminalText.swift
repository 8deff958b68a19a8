import ChineseSearch

/// Text from an index or a corpus made safe to print to a terminal.
///
/// Titles, paths, dates and snippets come from files anyone may have written: an ESC could recolour or move
/// the cursor, a BEL ring, a CR or newline forge lines. Human output shows every control character
/// (C0, DEL, C1) as a visible `\xNN` escape, and so every byte of a file name that is not UTF-8 (carried by
/// `FileSystemPath`), and a backslash as `\\`, so the printed text is unambiguous;
/// everything else, Chinese included, is printed as it is. JSON output escapes on its own.
enum TerminalText {
    /// `text` with control characters as `\xNN` and backslashes doubled. O(n); returns `text` itself when clean.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                out += "\\\\"
            } else if needsEscape(scalar) {
                let hex = String(FileSystemPath.escapedByte(scalar).map(UInt32.init) ?? scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\\"
            || FileSystemPath.escapedByte(scalar) != nil
    }
}

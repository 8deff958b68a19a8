/// Display widths of text in a terminal: East Asian wide and full-width characters take two columns,
/// combining marks and zero-width characters none, everything else one.
enum DisplayWidth {
    /// The columns `text` takes.
    static func columns<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    /// The columns one scalar takes.
    static func columns(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// `text` cut to at most `limit` columns, with "…" at the end when it was cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard columns(text) > limit else { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = columns(String(c))
            if used + w > limit - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }
}

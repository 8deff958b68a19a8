import Foundation

/// Hand-written JSON output into a byte-friendly String: proper escaping, fixed number formats.
struct JSONText {
    private(set) var text = ""

    /// A JSON string literal of `s` (`JSONBytes.string`'s escaping).
    static func quote(_ s: String) -> String {
        var out = JSONBytes(capacity: s.utf8.count + 2)
        out.string(s)
        return out.text
    }

    /// A number with `decimals` places, or null when not finite.
    static func number(_ v: Double, decimals: Int) -> String {
        v.isFinite ? String(format: "%.\(decimals)f", v) : "null"
    }

    /// An object from ordered (key, already-encoded value) pairs.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// An array of already-encoded values.
    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

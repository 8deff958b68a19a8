// Measures nothing: the small argument scanner shared by every search-bench command.
// No dependency on swift-argument-parser (Foundation and Dispatch only).
// Watch: flags take their value as the next argument (`--mb 100`); `--flag=value` is accepted too.

/// Scans `--flag value` pairs in order.
struct ArgumentScanner {
    private var arguments: [String]
    private var pending: String?

    init(_ arguments: [String]) { self.arguments = arguments.reversed() }

    /// The next flag, or nil at the end; a `--flag=value` argument leaves its value for `value(_:)`.
    mutating func nextFlag() -> String? {
        guard let next = arguments.popLast() else { return nil }
        if next.hasPrefix("--"), let eq = next.firstIndex(of: "=") {
            pending = String(next[next.index(after: eq)...])
            return String(next[..<eq])
        }
        return next
    }

    mutating func value(_ flag: String) throws -> String {
        if let pending { self.pending = nil; return pending }
        guard let next = arguments.popLast() else { throw BenchError.usage("\(flag) needs a value") }
        return next
    }

    mutating func int(_ flag: String) throws -> Int {
        let text = try value(flag)
        guard let number = Int(text) else { throw BenchError.usage("\(flag): not an integer: \(text)") }
        return number
    }

    mutating func uint64(_ flag: String) throws -> UInt64 {
        let text = try value(flag)
        guard let number = UInt64(text) else { throw BenchError.usage("\(flag): not an unsigned integer: \(text)") }
        return number
    }

    mutating func double(_ flag: String) throws -> Double {
        let text = try value(flag)
        guard let number = Double(text), number >= 0 else { throw BenchError.usage("\(flag): not a number: \(text)") }
        return number
    }
}

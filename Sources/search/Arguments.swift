/// A failure of the command line itself; printed once as `search: <message>`, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Plain argument scanning: positional words, `--name value` options and `--flag` switches.
struct Arguments {
    private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    /// Every value of each option, in order (an option given twice keeps both here; `string` gives the last).
    private var allValues: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Scans `words` given which options take a value and which are switches; anything else is an error.
    init(_ words: [String], options: Set<String>, switches: Set<String>) throws(UsageError) {
        var i = 0
        while i < words.count {
            let w = words[i]
            if w == "--" {
                positional.append(contentsOf: words[(i + 1)...])
                break
            }
            if w.hasPrefix("--") || (w.hasPrefix("-") && w.count == 2 && w != "-" && Character(String(w.last!)).isLetter) {
                var name = w
                var inline: String?
                if let eq = w.firstIndex(of: "=") {
                    name = String(w[..<eq])
                    inline = String(w[w.index(after: eq)...])
                }
                if name == "-h" { name = "--help" }
                if options.contains(name) {
                    let value: String
                    if let inline {
                        value = inline
                    } else {
                        guard i + 1 < words.count else { throw UsageError("option \(name) needs a value") }
                        value = words[i + 1]
                        i += 1
                    }
                    values[name] = value
                    allValues[name, default: []].append(value)
                } else if switches.contains(name) || name == "--help" {
                    flags.insert(name)
                } else {
                    throw UsageError("unknown option \(w); see --help")
                }
            } else {
                positional.append(w)
            }
            i += 1
        }
    }

    /// Scans `words` by the flags `command` declares in `CommandTable`.
    init(_ words: [String], for command: Command) throws(UsageError) {
        try self.init(words, options: command.valueFlags, switches: command.switches)
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func string(_ name: String) -> String? { values[name] }

    /// Every value given to option `name`, in order.
    func strings(_ name: String) -> [String] { allValues[name] ?? [] }

    func int(_ name: String, default value: Int, minimum: Int = 0) throws(UsageError) -> Int {
        guard let text = values[name] else { return value }
        guard let v = Int(text), v >= minimum else { throw UsageError("\(name) takes a whole number ≥ \(minimum), not '\(text)'") }
        return v
    }

    func double(_ name: String, default value: Double, minimum: Double = 0) throws(UsageError) -> Double {
        guard let text = values[name] else { return value }
        guard let v = Double(text), v.isFinite, v >= minimum else {
            throw UsageError("\(name) takes a number ≥ \(minimum), not '\(text)'")
        }
        return v
    }
}

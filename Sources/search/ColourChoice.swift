/// `--color auto|always|never`: whether highlights are ANSI colour.
enum ColourChoice: String, CaseIterable {
    case auto, always, never

    /// Whether to colour: `always` and `never` say so; `auto` colours a terminal unless `NO_COLOR` is set to
    /// a non-empty value (no-color.org) or `TERM` is `dumb`.
    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

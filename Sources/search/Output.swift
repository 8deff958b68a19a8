import ChineseSearch
import Foundation

/// Buffered standard output and the one-line error format.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    /// Appends `text` and a new line to standard output (buffered).
    static func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Writes the buffered output.
    static func flush() {
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(1, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { break }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `search: <message>` to standard error.
    static func error(_ error: any Error) {
        flush()
        // Messages quote paths and queries from outside: control characters are shown escaped.
        FileHandle.standardError.write(Data("search: \(TerminalText.escaped(message(error)))\n".utf8))
    }

    /// Writes a warning line to standard error.
    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("search: warning: \(text)\n".utf8))
    }

    /// The user-facing message of any error this tool meets.
    static func message(_ error: any Error) -> String {
        switch error {
        case let e as UsageError: return e.description
        case let e as IndexError: return e.description + hint(e)
        case let e as SearchError: return e.description
        case let e as CorpusError: return e.description
        default: return "\(error)"
        }
    }

    /// How to fix an index error with this tool's commands (the library's messages name no commands).
    static func hint(_ error: IndexError) -> String {
        switch error {
        case .missing(let path): return "; build one with `search index DIR --index \(path)`"
        case .truncated, .unsupportedVersion, .corrupt, .checksumMismatch, .analyzerMismatch:
            return "; rebuild it with `search index DIR --rebuild`"
        default: return ""  // not an index, a failed system call, a limit, a lock, another folder: nothing to rebuild
        }
    }

    /// Whether standard output gets ANSI colour; commands with `--color` set it from the flag.
    nonisolated(unsafe) static var colour = ColourChoice.auto.enabled(isTerminal: isatty(1) == 1,
                                                                      environment: ProcessInfo.processInfo.environment)
}

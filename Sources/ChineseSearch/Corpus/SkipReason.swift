/// Why a corpus file was left out of the index. The indexer reports it and carries on with the next file.
public enum SkipReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes at all.
    case empty
    /// The file contains a NUL byte, so it is not text (an image, an archive, a UTF-16 file …).
    case binary
    /// The file could not be opened or read; the payload is the system's message (`strerror`).
    case unreadable(String)

    /// A short phrase for the user, e.g. "skipped: file is empty".
    public var description: String {
        switch self {
        case .empty:
            return "skipped: file is empty"
        case .binary:
            return "skipped: file is binary (contains a NUL byte); only UTF-8 text is indexed"
        case .unreadable(let reason):
            return "skipped: cannot read file (\(reason))"
        }
    }
}

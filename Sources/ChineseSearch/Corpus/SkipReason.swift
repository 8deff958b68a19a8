/// Why a corpus file (or folder) was left out of the index. The indexer reports it and carries on.
///
/// Every `description` reads `kind: detail`, and `kind` alone is what the index summary counts
/// (`skipped 3 files (2 empty, 1 binary)`).
public enum SkipReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes at all (or `fstat` reports none, as for the files of `/proc`).
    case empty
    /// The file contains a NUL byte, so it is not text (an image, an archive, a UTF-16 file …).
    case binary
    /// The file could not be opened or read; the payload is the system's message (`strerror`).
    case unreadable(String)
    /// What the path names now is a FIFO, socket, device or folder: it is not read (it could block or never end).
    case notARegularFile
    /// The path names a different file than when the folder was listed (device or inode changed, e.g. a
    /// symbolic link retargeted): it is not read, since nobody approved what it points to now.
    case changed
    /// A folder of the corpus could not be listed; its files are left out. The payload is the system's message.
    case unreadableFolder(String)

    /// The short name of the reason, e.g. "empty", "binary", "unreadable".
    public var kind: String {
        switch self {
        case .empty: return "empty"
        case .binary: return "binary"
        case .unreadable: return "unreadable"
        case .notARegularFile: return "not a regular file"
        case .changed: return "changed"
        case .unreadableFolder: return "unreadable folder"
        }
    }

    /// `kind: detail`, e.g. "empty: the file has no bytes".
    public var description: String {
        switch self {
        case .empty:
            return "empty: the file has no bytes"
        case .binary:
            return "binary: the file contains a NUL byte; only UTF-8 text is indexed"
        case .unreadable(let reason):
            return "unreadable: \(reason)"
        case .notARegularFile:
            return "not a regular file: it is now a FIFO, socket, device or folder, so it is not read"
        case .changed:
            return "changed: the path names another file than when the folder was listed; index again"
        case .unreadableFolder(let reason):
            return "unreadable folder: \(reason); the files inside it are left out"
        }
    }
}

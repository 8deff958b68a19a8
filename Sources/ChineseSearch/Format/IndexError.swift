/// Everything that can go wrong opening, reading, verifying or writing an index file.
///
/// `description` says what happened in terms of the library (no command names): a command line adds how to
/// fix it with its own commands (`search` adds "rebuild it with `search index`").
public enum IndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case missing(path: String)
    /// An operating-system call failed (`open`, `read`, `mmap`, `write`, `fsync`, `rename`, …) with `errno`.
    case system(call: String, path: String, errno: Int32)
    /// The path names a FIFO, socket, device or folder, not a regular file (it is not opened, so nothing blocks).
    case notARegularFile(path: String)
    /// The file is shorter than its header or footer promises.
    case truncated(path: String, expected: Int, actual: Int)
    /// The file does not start with the index magic.
    case notAnIndex(path: String)
    /// The file was written by a newer (or unknown) format version.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// A structure inside the file is inconsistent; `detail` says which.
    case corrupt(path: String, detail: String)
    /// A checksum does not match the bytes it covers.
    case checksumMismatch(path: String, section: String)
    /// The corpus needs more than this format version can address.
    case limitExceeded(detail: String)
    /// Two documents given to one build or commit share a path.
    case duplicatePath(path: String)
    /// The index was built with other analyzer tables, so its tokens would not match this build's queries.
    case analyzerMismatch(path: String)
    /// Another writer holds the index's lock.
    case locked(path: String)
    /// The index follows another corpus folder than the one given for an update.
    case otherSource(path: String, recorded: String, given: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .missing(let path):
            return "no index at '\(path)'"
        case .system(let call, let path, let code):
            return "\(call) failed for '\(path)': \(System.message(code))"
        case .notARegularFile(let path):
            return "'\(path)' is not a regular file (a folder, FIFO, socket or device); give the path of an index file"
        case .truncated(let path, let expected, let actual):
            return "index file '\(path)' is truncated: header promises \(expected) bytes, file has \(actual)"
        case .notAnIndex(let path):
            return "'\(path)' is not a ChineseSearch index file (wrong magic bytes)"
        case .unsupportedVersion(let path, let found, let supported):
            return "index file '\(path)' has format version \(found), this build reads version \(supported)"
        case .corrupt(let path, let detail):
            return "index file '\(path)' is damaged: \(detail)"
        case .limitExceeded(let detail):
            return "the index cannot be written: \(detail)"
        case .duplicatePath(let path):
            return "two documents have the path '\(path)'; paths must be distinct"
        case .analyzerMismatch(let path):
            return "index file '\(path)' was built with other analyzer tables, whose tokens would not match this build's"
        case .locked(let path):
            return "index file '\(path)' is being updated by another writer (lock '\(path).lock' is held); try again when it is done"
        case .otherSource(let path, let recorded, let given):
            return "index file '\(path)' follows the folder '\(recorded)', not '\(given)'"
        case .checksumMismatch(let path, let section):
            return "index file '\(path)' is damaged: checksum of section '\(section)' does not match"
        }
    }
}

extension IndexError {
    /// The error of a failed system call on `path`.
    init(_ failure: SystemCallFailure, path: String) {
        self = .system(call: failure.call, path: path, errno: failure.code)
    }
}

/// Everything that can go wrong opening, reading, verifying or writing an index file.
public enum IndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case missing(path: String)
    /// An operating-system call failed (`open`, `read`, `mmap`, `write`, `fsync`, `rename`, …) with `errno`.
    case system(call: String, path: String, errno: Int32)
    /// The path names a FIFO, socket, device or folder, not a regular file (it is not opened, so nothing blocks).
    case notARegularFile(path: String)
    /// Another process holds the lock on the file.
    case locked(path: String)
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

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .missing(let path):
            return "no index at '\(path)'; build one with `search index DIR --index \(path)`"
        case .system(let call, let path, let code):
            return "\(call) failed for '\(path)': \(System.message(code))"
        case .notARegularFile(let path):
            return "'\(path)' is not a regular file (a folder, FIFO, socket or device); give the path of an index file"
        case .locked(let path):
            return "'\(path)' is locked by another process; wait for it to finish and try again"
        case .truncated(let path, let expected, let actual):
            return "index file '\(path)' is truncated: header promises \(expected) bytes, file has \(actual); rebuild it with `search index`"
        case .notAnIndex(let path):
            return "'\(path)' is not a search index (wrong magic bytes)"
        case .unsupportedVersion(let path, let found, let supported):
            return "index file '\(path)' has format version \(found), this build reads version \(supported); rebuild it with `search index`"
        case .corrupt(let path, let detail):
            return "index file '\(path)' is damaged: \(detail); rebuild it with `search index`"
        case .limitExceeded(let detail):
            return "the index cannot be written: \(detail)"
        case .checksumMismatch(let path, let section):
            return "index file '\(path)' is damaged: checksum of section '\(section)' does not match; rebuild it with `search index`"
        }
    }
}

extension IndexError {
    /// The error of a failed system call on `path`.
    init(_ failure: SystemCallFailure, path: String) {
        self = .system(call: failure.call, path: path, errno: failure.code)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system calls an index update needs beyond a build's: read-write open, `pread`, `flock`, `stat`.
extension SystemFile {
    /// `open(2)` of an existing regular file for reading and writing (no truncation).
    static func openForUpdate(_ path: String) throws(IndexError) -> Int32 {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { throw .missing(path: path) }
            throw .system(call: "open", path: path, reason: lastError())
        }
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
            close(fd)
            throw .system(call: "open", path: path, reason: "not a regular file")
        }
        return fd
    }

    /// `close(2)`.
    static func closeFile(_ fd: Int32) { close(fd) }

    /// `flock(2)` with `LOCK_EX | LOCK_NB` on `path` (created if missing): the descriptor that holds the lock,
    /// or nil when another process holds it.
    static func lockExclusively(_ path: String) throws(IndexError) -> Int32? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw .system(call: "open", path: path, reason: lastError()) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let reason = lastError()
            close(fd)
            if busy { return nil }
            throw .system(call: "flock", path: path, reason: reason)
        }
        return fd
    }

    /// `stat(2)` of `path`: size and modification time in nanoseconds; nil when it cannot be read.
    static func stamp(_ path: String) -> (size: Int, modificationTime: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// `unlink(2)`, errors ignored.
    static func remove(_ path: String) { unlink(path) }

    /// `realpath(3)`: the absolute path of an existing folder, nil when it does not resolve.
    static func absolutePath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Ends the process at once with status 137, as `kill -9` would (no clean-up runs): the crash tests' hook.
    static func crash() -> Never { _exit(137) }
}

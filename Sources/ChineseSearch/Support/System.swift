#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("ChineseSearch needs a POSIX C library (Glibc, Musl or Darwin)")
#endif

/// A system call that failed, with the `errno` it set.
struct SystemCallFailure: Error, Equatable {
    /// The C call, e.g. "open".
    let call: String
    /// The `errno` value.
    let code: Int32

    /// The system's message for `code` (`strerror`).
    var message: String { System.message(code) }
}

/// The one place that talks to the C library: every system call the engine makes, each wrapped once.
///
/// Platform differences (Glibc, Musl, Darwin) stay in this file, and so does `EINTR`: every call that can be
/// interrupted goes through `retryingOnInterrupt`. Failures come back as `SystemCallFailure` values carrying
/// `errno`. No other file of the module imports a C library (modelled on swift-system's `Syscalls.swift`).
enum System {
    typealias Descriptor = Int32

    /// How `open` opens a path.
    enum OpenMode {
        /// `O_RDONLY | O_NONBLOCK`: never blocks on a FIFO or device (the caller then checks the type).
        case read
        /// `O_WRONLY | O_CREAT | O_TRUNC`, mode 0644.
        case createTruncating
        /// `O_RDWR`, plus `O_CREAT` (mode 0644) when `create`; never truncates.
        case readWrite(create: Bool)
        /// `O_RDONLY | O_DIRECTORY`.
        case directory

        fileprivate var flags: Int32 {
            switch self {
            case .read: return O_RDONLY | O_NONBLOCK | O_CLOEXEC
            case .createTruncating: return O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
            case .readWrite(let create): return O_RDWR | O_NONBLOCK | O_CLOEXEC | (create ? O_CREAT : 0)
            case .directory: return O_RDONLY | O_DIRECTORY | O_CLOEXEC
            }
        }
    }

    // MARK: errno

    /// The `errno` values the engine tells apart.
    static let noSuchFile = ENOENT, notADirectory = ENOTDIR, wouldBlock = EWOULDBLOCK,
               fileExists = EEXIST

    /// `strerror(code)`: the system's message, e.g. "No such file or directory".
    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Runs `body` again while it fails with `EINTR`; `failed` says whether a result is a failure.
    @inline(__always)
    private static func retryingOnInterrupt<T>(_ call: String, failed: (T) -> Bool,
                                               _ body: () -> T) throws(SystemCallFailure) -> T {
        while true {
            let result = body()
            if !failed(result) { return result }
            let code = errno
            if code != EINTR { throw SystemCallFailure(call: call, code: code) }
        }
    }

    // MARK: files

    /// `open(2)`.
    static func open(_ path: String, _ mode: OpenMode) throws(SystemCallFailure) -> Descriptor {
        let flags = mode.flags
        return try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            try retryingOnInterrupt("open", failed: { $0 < 0 }) {
                (flags & O_CREAT) != 0 ? openFile(p, flags, 0o644) : openFile(p, flags)
            }
        }
    }

    /// `close(2)`; errors (and `EINTR`, after which the descriptor is gone on Linux) are ignored.
    static func close(_ fd: Descriptor) { _ = closeFile(fd) }

    /// `fstat(2)`.
    static func status(of fd: Descriptor) throws(SystemCallFailure) -> FileStatus {
        var info = stat()
        _ = try retryingOnInterrupt("fstat", failed: { $0 != 0 }) { fstat(fd, &info) }
        return FileStatus(info)
    }

    /// `stat(2)` (following symbolic links) or `lstat(2)` (not following them).
    static func status(ofPath path: String, followingLinks: Bool = true) throws(SystemCallFailure) -> FileStatus {
        var info = stat()
        _ = try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            try retryingOnInterrupt(followingLinks ? "stat" : "lstat", failed: { $0 != 0 }) {
                followingLinks ? stat(p, &info) : lstat(p, &info)
            }
        }
        return FileStatus(info)
    }

    /// `read(2)` until `buffer` is full or end of file; returns the bytes read.
    static func read(_ fd: Descriptor, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallFailure) -> Int {
        var done = 0
        while done < buffer.count {
            let n = try retryingOnInterrupt("read", failed: { $0 < 0 }) {
                readFile(fd, buffer.baseAddress! + done, buffer.count - done)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// `pread(2)` at `offset` until `buffer` is full or end of file; returns the bytes read.
    static func read(_ fd: Descriptor, into buffer: UnsafeMutableRawBufferPointer,
                     at offset: Int) throws(SystemCallFailure) -> Int {
        var done = 0
        while done < buffer.count {
            let n = try retryingOnInterrupt("pread", failed: { $0 < 0 }) {
                pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// `write(2)` of all of `bytes` (or `pwrite(2)` at `offset`), retrying short writes.
    static func write(_ fd: Descriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) throws(SystemCallFailure) {
        var done = 0
        while done < bytes.count {
            let n = try retryingOnInterrupt(offset == nil ? "write" : "pwrite", failed: { $0 < 0 }) {
                if let offset { return pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
                return writeFile(fd, bytes.baseAddress! + done, bytes.count - done)
            }
            done += n
        }
    }

    /// `fsync(2)`.
    static func sync(_ fd: Descriptor) throws(SystemCallFailure) {
        _ = try retryingOnInterrupt("fsync", failed: { $0 != 0 }) { fsync(fd) }
    }

    /// `ftruncate(2)`.
    static func truncate(_ fd: Descriptor, to length: Int) throws(SystemCallFailure) {
        _ = try retryingOnInterrupt("ftruncate", failed: { $0 != 0 }) { ftruncate(fd, off_t(length)) }
    }

    /// `flock(2)` with `LOCK_EX | LOCK_NB`: fails with `wouldBlock` when another descriptor holds the lock.
    static func lockExclusively(_ fd: Descriptor) throws(SystemCallFailure) {
        _ = try retryingOnInterrupt("flock", failed: { $0 != 0 }) { flock(fd, LOCK_EX | LOCK_NB) }
    }

    /// `flock(2)` with `LOCK_UN`.
    static func unlock(_ fd: Descriptor) { _ = flock(fd, LOCK_UN) }

    /// `rename(2)`: atomically replaces `to` by `from`.
    static func rename(_ from: String, to: String) throws(SystemCallFailure) {
        _ = try FileSystemPath.withCString(from) { f throws(SystemCallFailure) in
            try FileSystemPath.withCString(to) { t throws(SystemCallFailure) in
                try retryingOnInterrupt("rename", failed: { $0 != 0 }) { renameFile(f, t) }
            }
        }
    }

    /// `unlink(2)`.
    static func unlink(_ path: String) throws(SystemCallFailure) {
        _ = try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            try retryingOnInterrupt("unlink", failed: { $0 != 0 }) { unlinkFile(p) }
        }
    }

    /// `mkdir(2)`, mode 0755.
    static func makeDirectory(_ path: String) throws(SystemCallFailure) {
        _ = try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            try retryingOnInterrupt("mkdir", failed: { $0 != 0 }) { mkdir(p, 0o755) }
        }
    }

    /// `realpath(3)`: the canonical absolute path with every symbolic link resolved.
    static func resolvedPath(_ path: String) throws(SystemCallFailure) -> String {
        try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            guard let resolved = realpath(p, nil) else { throw SystemCallFailure(call: "realpath", code: errno) }
            defer { free(resolved) }
            return FileSystemPath.string(fromCString: resolved)
        }
    }

    // MARK: memory maps

    /// `mmap(2)` of the first `length` bytes of `fd`, `PROT_READ`, `MAP_PRIVATE`.
    static func mapReadOnly(_ fd: Descriptor, length: Int) throws(SystemCallFailure) -> UnsafeRawPointer {
        let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let base, base != MAP_FAILED else { throw SystemCallFailure(call: "mmap", code: errno) }
        return UnsafeRawPointer(base)
    }

    /// `munmap(2)`.
    static func unmap(_ base: UnsafeRawPointer, length: Int) { _ = munmap(UnsafeMutableRawPointer(mutating: base), length) }

    // MARK: folders

    /// One `readdir` entry: its name's bytes, its type as reported (`.unknown` on file systems that do not say).
    struct DirectoryEntry {
        var name: [UInt8]
        var kind: FileKind
    }

    /// `opendir(3)`, every `readdir(3)` entry but "." and "..", `closedir(3)`.
    static func entries(ofDirectory path: String) throws(SystemCallFailure) -> [DirectoryEntry] {
        let opened = try FileSystemPath.withCString(path) { p throws(SystemCallFailure) in
            guard let stream = opendir(p) else { throw SystemCallFailure(call: "opendir", code: errno) }
            return stream
        }
        let stream = opened
        defer { closedir(stream) }
        var result: [DirectoryEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw SystemCallFailure(call: "readdir", code: errno) }
                return result
            }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            result.append(DirectoryEntry(name: name, kind: FileKind(directoryType: entry.pointee.d_type)))
        }
    }

    // MARK: processes and signals

    /// `getpid(2)`.
    static var processID: Int32 { getpid() }

    /// `_exit(2)`: ends the process at once with `status`, running no clean-up (as `kill -9` would).
    static func exitImmediately(_ status: Int32) -> Never { _exit(status) }

    /// False when no process `pid` exists (`kill(pid, 0)` fails with `ESRCH`).
    static func processExists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }

    /// The signals that ask a process to stop: `SIGINT`, `SIGTERM`, `SIGHUP`.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// `signal(sig, SIG_IGN)`: so that a Dispatch signal source sees the signal instead of the default action.
    static func ignore(signal sig: Int32) { _ = signal(sig, SIG_IGN) }

    /// `signal(sig, SIG_DFL)`, unblocks `sig` in this thread (Dispatch blocks the signals of its sources) and
    /// `raise(sig)`: ends the process the way the signal would have; `_exit(128 + sig)` should it not.
    static func raiseWithDefaultAction(_ sig: Int32) -> Never {
        _ = signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = raise(sig)
        _exit(128 + sig)
    }

    // MARK: memory

    /// `memchr(3)`: the offset of the first `byte` in `count` bytes from `base`, or nil.
    @inline(__always)
    static func firstOffset(of byte: UInt8, in base: UnsafeRawPointer, count: Int) -> Int? {
        guard let found = memchr(base, Int32(byte), count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

// The C functions whose names the wrappers above reuse, reached from file scope where they are not shadowed.
private func openFile(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 { open(path, flags) }
private func openFile(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func closeFile(_ fd: Int32) -> Int32 { close(fd) }
private func readFile(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, base, count) }
private func writeFile(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int { write(fd, base, count) }
private func renameFile(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 { rename(from, to) }
private func unlinkFile(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }

extension FileStatus {
    /// The facts of a C `stat` record.
    fileprivate init(_ info: stat) {
        let mode = Int(info.st_mode) & Int(S_IFMT)
        switch mode {
        case Int(S_IFREG): kind = .regular
        case Int(S_IFDIR): kind = .directory
        case Int(S_IFLNK): kind = .symbolicLink
        default: kind = .other
        }
        size = Int(info.st_size)
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        modificationNanoseconds = Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
}

extension FileKind {
    /// The kind a `readdir` `d_type` names.
    fileprivate init(directoryType type: UInt8) {
        switch Int32(type) {
        case Int32(DT_REG): self = .regular
        case Int32(DT_DIR): self = .directory
        case Int32(DT_LNK): self = .symbolicLink
        case Int32(DT_UNKNOWN): self = .unknown
        default: self = .other
        }
    }
}

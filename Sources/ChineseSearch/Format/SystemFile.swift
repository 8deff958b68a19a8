import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin typed wrappers over the system calls the index files need, each named for the C call it wraps.
enum SystemFile {
    /// `strerror(errno)` as a String.
    static func lastError() -> String { String(cString: strerror(errno)) }

    /// `open(2)` for writing a new file (created, truncated), mode 0644.
    static func create(_ path: String) throws(IndexError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw .system(call: "open", path: path, reason: lastError()) }
        return fd
    }

    /// `write(2)` of all of `bytes`, retrying on short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IndexError) {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(call: "write", path: path, reason: lastError())
            }
            done += n
        }
    }

    /// `pwrite(2)` of all of `bytes` at `offset`.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws(IndexError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(call: "pwrite", path: path, reason: lastError())
            }
            done += n
        }
    }

    /// `write(2)` (or `pwrite(2)` at `offset`) of a whole byte array.
    static func writeAll(_ fd: Int32, _ array: [UInt8], at offset: Int? = nil, path: String) throws(IndexError) {
        let result = array.withUnsafeBytes { raw in
            Result { () throws(IndexError) in
                if let offset { try writeAll(fd, raw, at: offset, path: path) } else { try writeAll(fd, raw, path: path) }
            }
        }
        try result.get()
    }

    /// `fsync(2)`.
    static func sync(_ fd: Int32, path: String) throws(IndexError) {
        if fsync(fd) != 0 { throw .system(call: "fsync", path: path, reason: lastError()) }
    }

    /// `fsync(2)` on the folder holding `path`, so a `rename` into it is durable.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// `rename(2)`: atomically replaces `to` by `from`.
    static func replace(_ to: String, with from: String) throws(IndexError) {
        if rename(from, to) != 0 { throw .system(call: "rename", path: to, reason: lastError()) }
    }
}

/// A read-only memory mapping of a whole file (`mmap(2)`, `PROT_READ`, `MAP_PRIVATE`), unmapped on deinit.
///
/// Immutable after init, so it is safe to share between threads.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes; valid for the lifetime of the object. Do not let them escape it.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Maps the file at `path`. An empty file maps to an empty buffer.
    init(path: String) throws(IndexError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { throw .missing(path: path) }
            throw .system(call: "open", path: path, reason: SystemFile.lastError())
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw .system(call: "fstat", path: path, reason: SystemFile.lastError()) }
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw .system(call: "open", path: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            owner = nil
            return
        }
        let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        if base == MAP_FAILED || base == nil {
            throw .system(call: "mmap", path: path, reason: SystemFile.lastError())
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        mapped = true
        owner = nil
    }

    /// Wraps bytes owned elsewhere (an in-memory index); `owner` keeps them alive.
    init(borrowing buffer: UnsafeRawBufferPointer, owner: AnyObject) {
        bytes = buffer
        mapped = false
        self.owner = owner
    }

    /// Keeps borrowed bytes alive; nil for a mapping.
    private let owner: AnyObject?

    deinit {
        if mapped, let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}

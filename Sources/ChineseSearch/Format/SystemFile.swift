/// The file operations the index needs, each named for the C call it wraps and failing with `IndexError`.
///
/// The calls themselves live in `System` (the one file that imports a C library); this layer adds the path
/// to every error, so a message says which file failed.
enum SystemFile {
    /// `open(2)` for writing a new file (created, truncated), mode 0644.
    static func create(_ path: String) throws(IndexError) -> Int32 {
        do { return try System.open(path, .createTruncating) } catch { throw IndexError(error, path: path) }
    }

    /// `open(2)` for reading and writing without truncating, created (mode 0644) when `create` and missing.
    /// Fails with `.notARegularFile` for a FIFO, device or folder (opened non-blocking, so it cannot hang).
    static func openForUpdate(_ path: String, create: Bool = true) throws(IndexError) -> Int32 {
        let fd: Int32
        do { fd = try System.open(path, .readWrite(create: create)) } catch { throw IndexError(error, path: path) }
        _ = try requireRegularFile(fd, path: path)
        return fd
    }

    /// `open(2)` read-only and non-blocking, then `fstat(2)`: a regular file's descriptor and status.
    /// A FIFO, socket, device or folder is refused with `.notARegularFile` instead of blocking.
    static func openRegularFile(_ path: String) throws(IndexError) -> (fd: Int32, status: FileStatus) {
        let fd: Int32
        do { fd = try System.open(path, .read) } catch {
            if error.code == System.noSuchFile { throw .missing(path: path) }
            throw IndexError(error, path: path)
        }
        return (fd, try requireRegularFile(fd, path: path))
    }

    /// `fstat(2)` of a just-opened `fd`: its status when it is a regular file; otherwise it is closed and the
    /// error thrown.
    private static func requireRegularFile(_ fd: Int32, path: String) throws(IndexError) -> FileStatus {
        let status: FileStatus
        do { status = try System.status(of: fd) } catch {
            System.close(fd)
            throw IndexError(error, path: path)
        }
        guard status.kind == .regular else {
            System.close(fd)
            throw .notARegularFile(path: path)
        }
        return status
    }

    /// `close(2)`.
    static func close(_ fd: Int32) { System.close(fd) }

    /// `stat(2)`: size, modification time in nanoseconds, device and inode of the file at `path`.
    static func status(_ path: String) throws(IndexError) -> FileStatus {
        do { return try System.status(ofPath: path) } catch { throw IndexError(error, path: path) }
    }

    /// `fstat(2)`.
    static func status(of fd: Int32, path: String) throws(IndexError) -> FileStatus {
        do { return try System.status(of: fd) } catch { throw IndexError(error, path: path) }
    }

    /// `write(2)` of all of `bytes`, retrying on short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IndexError) {
        do { try System.write(fd, bytes) } catch { throw IndexError(error, path: path) }
    }

    /// `pwrite(2)` of all of `bytes` at `offset`.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws(IndexError) {
        do { try System.write(fd, bytes, at: offset) } catch { throw IndexError(error, path: path) }
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

    /// `pread(2)` into `buffer` from `offset`; returns the bytes read (fewer only at end of file).
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws(IndexError) -> Int {
        do { return try System.read(fd, into: buffer, at: offset) } catch { throw IndexError(error, path: path) }
    }

    /// `ftruncate(2)`.
    static func truncate(_ fd: Int32, to length: Int, path: String) throws(IndexError) {
        do { try System.truncate(fd, to: length) } catch { throw IndexError(error, path: path) }
    }

    /// `fsync(2)`.
    static func sync(_ fd: Int32, path: String) throws(IndexError) {
        do { try System.sync(fd) } catch { throw IndexError(error, path: path) }
    }

    /// `fsync(2)` on the folder holding `path`, so a `rename` into it is durable. Best effort.
    static func syncFolder(of path: String) {
        guard let fd = try? System.open(folder(of: path), .directory) else { return }
        try? System.sync(fd)
        System.close(fd)
    }

    /// `rename(2)`: atomically replaces `to` by `from`.
    static func replace(_ to: String, with from: String) throws(IndexError) {
        do { try System.rename(from, to: to) } catch { throw IndexError(error, path: to) }
    }

    /// `unlink(2)`, ignoring failure (a file already gone is what was wanted).
    static func remove(_ path: String) { try? System.unlink(path) }

    /// `mkdir(2)` of `path` and every missing folder above it, like `mkdir -p`.
    static func createFolders(_ path: String) throws(IndexError) {
        if path.isEmpty || (try? System.status(ofPath: path))?.kind == .directory { return }
        let parent = folder(of: path)
        if parent != path && parent != "." && parent != "/" { try createFolders(parent) }
        do { try System.makeDirectory(path) } catch {
            if error.code == System.fileExists, (try? System.status(ofPath: path))?.kind == .directory { return }
            throw IndexError(error, path: path)
        }
    }

    /// The folder part of `path` ("." when there is none), as `dirname` gives it.
    static func folder(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == 0x2F { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: 0x2F) else { return "." }
        var end = slash
        while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }
}

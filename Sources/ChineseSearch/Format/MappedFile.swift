/// A read-only memory mapping of a whole file (`mmap(2)`, `PROT_READ`, `MAP_PRIVATE`), unmapped on deinit.
///
/// Immutable after init, so it is safe to share between threads.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes; valid for the lifetime of the object. Do not let them escape it.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool
    /// Keeps borrowed bytes alive; nil for a mapping.
    private let owner: AnyObject?

    /// Maps the file at `path`. An empty file maps to an empty buffer. The file is opened non-blocking and must
    /// be a regular file: a FIFO or device is refused with `.notARegularFile` rather than waited on.
    convenience init(path: String) throws(IndexError) {
        let (fd, status) = try SystemFile.openRegularFile(path)
        defer { SystemFile.close(fd) }
        try self.init(descriptor: fd, length: status.size, path: path)
    }

    /// Maps the first `length` bytes of the open regular file `fd` (`path` is for messages).
    init(descriptor fd: Int32, length: Int, path: String) throws(IndexError) {
        owner = nil
        if length == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        do {
            bytes = UnsafeRawBufferPointer(start: try System.mapReadOnly(fd, length: length), count: length)
        } catch {
            throw IndexError(error, path: path)
        }
        mapped = true
    }

    /// Wraps bytes owned elsewhere (an in-memory index); `owner` keeps them alive.
    init(borrowing buffer: UnsafeRawBufferPointer, owner: AnyObject) {
        bytes = buffer
        mapped = false
        self.owner = owner
    }

    deinit {
        if mapped, let base = bytes.baseAddress { System.unmap(base, length: bytes.count) }
    }
}

import Glibc

/// Reads whole corpus files into one reusable byte buffer, so that once the buffer has grown to the
/// largest file seen, reading a file costs no allocation and no copy beyond the `read` system call.
///
/// Make one reader per worker thread. The bytes are lent to a closure rather than returned, because
/// they live in this reader's buffer and are overwritten by the next read.
///
/// There is no size limit: a file is read in full however large it is, and the buffer keeps its
/// largest size for the reader's lifetime (the trade-off for not reallocating per file).
struct CorpusFileReader: Sendable {
    /// The reusable buffer; only its first `count` bytes after a read belong to the current file.
    private var buffer: [UInt8]

    /// Creates a reader whose buffer starts at `initialCapacity` bytes and grows on demand.
    init(initialCapacity: Int = 64 * 1024) {
        buffer = [UInt8](repeating: 0, count: max(initialCapacity, 1))
    }

    /// Reads the file at `absolutePath` in full and passes its bytes to `body`.
    ///
    /// Fails with `.unreadable` when the file cannot be opened or read (missing, a folder, no permission),
    /// `.empty` for a file of zero bytes and `.binary` for one that contains a NUL byte; `body` is not called then.
    /// The pointer is valid only inside `body`: do not let it escape.
    /// Cost: one `open`, one `fstat`, usually two `read`s, and a `memchr` over the bytes.
    mutating func read<R>(
        _ absolutePath: String,
        _ body: (UnsafeRawBufferPointer) -> R
    ) -> Result<R, SkipReason> {
        let descriptor = open(absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(systemErrorMessage(errno))) }
        defer { close(descriptor) }

        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) >= buffer.count {
            grow(to: Int(info.st_size) + 1)  // + 1 so the read that sees end-of-file needs no growth
        }
        var count = 0
        while true {
            if count == buffer.count { grow(to: buffer.count * 2) }  // the file grew or its size was unknown
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                return .failure(.unreadable(systemErrorMessage(errno)))
            }
        }
        guard count > 0 else { return .failure(.empty) }

        return buffer.withUnsafeBytes { whole in
            let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<count])
            guard memchr(bytes.baseAddress!, 0, count) == nil else { return .failure(.binary) }
            return .success(body(bytes))
        }
    }

    /// Enlarges the buffer to `size` bytes, keeping the bytes already read.
    private mutating func grow(to size: Int) {
        buffer.append(contentsOf: repeatElement(0, count: size - buffer.count))
    }
}

/// Reads whole corpus files into one reusable byte buffer, so that once the buffer has grown to the
/// largest file seen, reading a file costs no allocation and no copy beyond the `read` system call.
///
/// Make one reader per worker thread. The bytes are lent to a closure rather than returned, because
/// they live in this reader's buffer and are overwritten by the next read.
///
/// The open discipline makes hostile paths harmless: the file is opened non-blocking (a FIFO cannot hang
/// the reader), must be a regular file by `fstat` (never a device such as `/dev/zero`), may be required to
/// be the very file the folder walk approved (same device and inode), and at most the size `fstat`
/// reported is read (a file that grows meanwhile, or reports size 0 as `/proc` files do, cannot make the
/// read go on). The buffer keeps its largest size for the reader's lifetime (the trade-off for not
/// reallocating per file).
struct CorpusFileReader: Sendable {
    /// The reusable buffer; only its first `count` bytes after a read belong to the current file.
    private var buffer: [UInt8]

    /// Creates a reader whose buffer starts at `initialCapacity` bytes and grows on demand.
    init(initialCapacity: Int = 64 * 1024) {
        buffer = [UInt8](repeating: 0, count: max(initialCapacity, 1))
    }

    /// Reads the file at `absolutePath` in full and passes its bytes to `body`.
    ///
    /// Fails with `.unreadable` when the file cannot be opened or read (missing, no permission),
    /// `.notARegularFile` for a folder, FIFO, socket or device, `.changed` when `expected` is given and the
    /// opened file has another device or inode, `.empty` for a file of zero bytes and `.binary` for one that
    /// contains a NUL byte; `body` is not called then. The pointer is valid only inside `body`: do not let it escape.
    /// Cost: one `open`, one `fstat`, one `read` per file (more only if interrupted), and a `memchr` over the bytes.
    mutating func read<R>(
        _ absolutePath: String,
        expecting expected: FileIdentity? = nil,
        _ body: (UnsafeRawBufferPointer) -> R
    ) -> Result<R, SkipReason> {
        let descriptor: Int32, status: FileStatus
        do {
            descriptor = try System.open(absolutePath, .read)
        } catch {
            return .failure(.unreadable(error.message))
        }
        defer { System.close(descriptor) }
        do { status = try System.status(of: descriptor) } catch { return .failure(.unreadable(error.message)) }
        guard status.kind == .regular else { return .failure(.notARegularFile) }
        if let expected, status.identity != expected { return .failure(.changed) }
        guard status.size > 0 else { return .failure(.empty) }
        if status.size > buffer.count { buffer.append(contentsOf: repeatElement(0, count: status.size - buffer.count)) }

        let read = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(SystemCallFailure) in
                try System.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<status.size]))
            }
        }
        let count: Int
        switch read {
        case .success(let n): count = n
        case .failure(let error): return .failure(.unreadable(error.message))
        }
        guard count > 0 else { return .failure(.empty) }

        return buffer.withUnsafeBytes { whole in
            let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<count])
            guard System.firstOffset(of: 0, in: bytes.baseAddress!, count: count) == nil else { return .failure(.binary) }
            return .success(body(bytes))
        }
    }
}

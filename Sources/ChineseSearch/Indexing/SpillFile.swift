import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An append-only temporary file with a write buffer, read back through a mapping; removed when done.
///
/// The build streams the positions through one, so they never sit in memory whole.
final class SpillFile {
    private let path: String
    private let fd: Int32
    private(set) var buffer = ByteWriter()
    private var flushed = 0
    private static let flushSize = 4 << 20

    init(path: String) throws(IndexError) {
        self.path = path
        fd = try SystemFile.create(path)
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Bytes appended so far.
    var count: Int { flushed + buffer.count }

    /// The first write error; reported by `mapped()`.
    private var failure: IndexError?

    /// Appends a LEB128 varint.
    @inline(__always) func varint(_ v: UInt64) {
        buffer.varint(v)
        if buffer.count >= Self.flushSize {
            do { try flush() } catch let e { if failure == nil { failure = e } }
        }
    }

    private func flush() throws(IndexError) {
        try SystemFile.writeAll(fd, buffer.bytes, path: path)
        flushed += buffer.count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes and maps the whole file.
    func mapped() throws(IndexError) -> MappedFile {
        if let failure { throw failure }
        try flush()
        return try MappedFile(path: path)
    }
}

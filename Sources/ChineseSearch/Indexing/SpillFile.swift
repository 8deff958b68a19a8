import Foundation

/// An append-only stream kept in a temporary file (removed when done) or, for in-memory builds, in memory.
///
/// The merge streams each range's terms and positions through two, so on disk builds they never sit in memory
/// whole.
final class SpillFile {
    private let file: (fd: Int32, path: String)?
    private(set) var buffer = ByteWriter()
    private var flushed = 0
    private var failure: IndexError?
    private static let flushSize = 4 << 20

    /// A stream backed by a new temporary file at `path`.
    init(path: String) throws(IndexError) {
        file = (try SystemFile.create(path), path)
    }

    /// A stream held in memory.
    init() {
        file = nil
    }

    deinit {
        if let file {
            SystemFile.close(file.fd)
            SystemFile.remove(file.path)
        }
    }

    /// Bytes appended so far.
    var count: Int { flushed + buffer.count }

    /// Appends raw bytes. A write error is kept and reported by `withContents`.
    @inline(__always) func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
        if buffer.count >= Self.flushSize && file != nil {
            do { try flush() } catch let e { if failure == nil { failure = e } }
        }
    }

    private func flush() throws(IndexError) {
        guard let file else { return }
        try SystemFile.writeAll(file.fd, buffer.bytes, path: file.path)
        flushed += buffer.count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the whole stream (mapped back from the file, or the memory buffer).
    func withContents(_ body: (UnsafeRawBufferPointer) throws(IndexError) -> Void) throws(IndexError) {
        if let failure { throw failure }
        guard let file else {
            let result = buffer.bytes.withUnsafeBytes { raw in Result { () throws(IndexError) in try body(raw) } }
            return try result.get()
        }
        try flush()
        let mapped = try MappedFile(path: file.path)
        try withExtendedLifetime(mapped) { () throws(IndexError) in try body(mapped.bytes) }
    }
}

import Foundation

/// Writes one segment section by section in the `IndexLayout`, buffered, then seals it with checksums.
///
/// The destination is an open file at a byte offset (written through a 1 MB buffer; the caller owns the
/// descriptor and syncs it when it commits) or memory (for indexes that never touch the disk, as the in-memory
/// `Ranker` builds). Sections may come in any order; each is written once. `finish()` computes every checksum
/// in one pass over the written bytes and writes the header and footer. Not thread-safe.
final class IndexFileWriter {
    private enum Destination {
        case file(fd: Int32, path: String, base: Int)
        case memory
    }

    private let destination: Destination
    private var buffer = ByteWriter()
    private var written = 0
    private var sections: [(kind: SectionKind, offset: Int, length: Int)] = []
    private var open: (kind: SectionKind, offset: Int)?
    private static let flushSize = 1 << 20

    private static var tableSize: Int { SectionKind.allCases.count * IndexLayout.sectionEntrySize }

    /// Writes a segment into the open file `fd` (of `path`) starting at byte `base`, reserving room for the
    /// header and section table.
    init(descriptor fd: Int32, path: String, base: Int) {
        destination = .file(fd: fd, path: path, base: base)
        buffer.reserve(Self.flushSize * 2)
        buffer.append([UInt8](repeating: 0, count: IndexLayout.headerSize + Self.tableSize))
    }

    /// Writes to memory; `finishInMemory()` returns the bytes.
    init() {
        destination = .memory
        buffer.append([UInt8](repeating: 0, count: IndexLayout.headerSize + Self.tableSize))
    }

    /// Bytes written so far (the offset of the next byte, from the segment's start).
    var offset: Int { written + buffer.count }

    /// Starts section `kind` at the current offset (8-byte aligned).
    func begin(_ kind: SectionKind) {
        precondition(open == nil, "section \(kind) begun inside another")
        padToEight()
        open = (kind, offset)
    }

    /// Appends bytes to the open section.
    func write(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        buffer.append(bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends bytes to the open section.
    func write(_ bytes: [UInt8]) throws(IndexError) {
        buffer.append(bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends bytes to the open section.
    func write(_ bytes: ArraySlice<UInt8>) throws(IndexError) {
        buffer.bytes.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Closes the open section; `padding` zero bytes are appended inside it (the postings need 8 for decoding).
    func end(padding: Int = 0) throws(IndexError) {
        guard let current = open else { preconditionFailure("no open section") }
        if padding > 0 { buffer.append([UInt8](repeating: 0, count: padding)) }
        sections.append((current.kind, current.offset, offset - current.offset))
        open = nil
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Pads with zeros until the segment offset (not the buffer's count, which restarts at every flush) is a
    /// multiple of 8.
    private func padToEight() {
        let remainder = offset % 8
        if remainder != 0 { buffer.append([UInt8](repeating: 0, count: 8 - remainder)) }
    }

    private func flush() throws(IndexError) {
        guard case .file(let fd, let path, let base) = destination else { return }
        try SystemFile.writeAll(fd, buffer.bytes, at: base + written, path: path)
        written += buffer.count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    private func appendFooter() {
        precondition(open == nil, "a section is still open")
        padToEight()
        buffer.append(IndexLayout.footerMagic)
        buffer.u64(0)
    }

    /// The header and section table for the written bytes `file` (whose own header area is ignored).
    private func header(for file: UnsafeRawBufferPointer) -> [UInt8] {
        var header = ByteWriter()
        header.append(IndexLayout.magic)
        header.u32(IndexLayout.version)
        header.u32(UInt32(sections.count))
        header.u64(UInt64(file.count))
        header.u64(0)
        header.append([UInt8](repeating: 0, count: IndexLayout.headerSize - header.count))
        for section in sections.sorted(by: { $0.offset < $1.offset }) {
            header.u32(section.kind.rawValue)
            header.u32(0)
            header.u64(UInt64(section.offset))
            header.u64(UInt64(section.length))
            header.u64(Checksum.xxh64(file.slice(section.offset, section.length)!))
        }
        header.append([UInt8](repeating: 0, count: IndexLayout.headerSize + Self.tableSize - header.count))
        let checksum = header.bytes.withUnsafeBytes { Checksum.xxh64($0) }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for i in 0..<8 { header.bytes[IndexLayout.headerChecksumOffset + i] = raw[i] }
        }
        return header.bytes
    }

    /// Seals the segment: footer, every checksum, header. Returns the segment's length. The caller syncs.
    func finish() throws(IndexError) -> Int {
        guard case .file(let fd, let path, let base) = destination else { preconditionFailure("finish() on a memory writer") }
        appendFooter()
        try flush()
        let length = written
        func segment(_ file: MappedFile) throws(IndexError) -> UnsafeRawBufferPointer {
            guard let bytes = file.bytes.slice(base, length) else {
                throw .corrupt(path: path, detail: "the segment just written is not in the file")
            }
            return bytes
        }
        let unsealed = try MappedFile(path: path)
        let head = try withExtendedLifetime(unsealed) { () throws(IndexError) in header(for: try segment(unsealed)) }
        try SystemFile.writeAll(fd, head, at: base, path: path)
        // The segment checksum covers the final header too: hash a fresh mapping after writing it.
        let sealed = try MappedFile(path: path)
        var footer = ByteWriter()
        footer.u64(try withExtendedLifetime(sealed) { () throws(IndexError) in
            Checksum.xxh64(try segment(sealed).slice(0, length - 8)!)
        })
        try SystemFile.writeAll(fd, footer.bytes, at: base + length - 8, path: path)
        return length
    }

    /// Seals an in-memory index and returns its bytes.
    func finishInMemory() -> [UInt8] {
        appendFooter()
        var bytes = buffer.bytes
        let head = bytes.withUnsafeBytes { header(for: $0) }
        bytes.replaceSubrange(0..<head.count, with: head)
        let checksum = bytes.withUnsafeBytes { Checksum.xxh64($0.slice(0, $0.count - 8)!) }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for i in 0..<8 { bytes[bytes.count - 8 + i] = raw[i] }
        }
        return bytes
    }
}

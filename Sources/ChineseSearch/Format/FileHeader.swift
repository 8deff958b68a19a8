/// The first 128 bytes of an index file: magic, format version and the two commit slots.
///
/// ```
/// FileHeader --> magic "ZHSEARCH" (8), version u32, 0 u32, CommitSlot, CommitSlot, zero bytes      (128 bytes)
/// CommitSlot --> generation u64, recordOffset u64, recordLength u64, recordChecksum u64, slotChecksum u64 (40 bytes)
/// ```
/// Commits alternate between the slots (generation g goes to slot g mod 2), as LMDB alternates its meta pages:
/// a torn slot write fails its checksum and the other slot, the previous commit, still answers. A reader takes
/// the valid slot with the higher generation whose commit record is intact.
enum FileHeader {
    static let magic: [UInt8] = Array("ZHSEARCH".utf8)
    /// Bytes of the header; the first blob of the file starts here.
    static let size = 128
    /// Where slot `i` (0 or 1) begins.
    static func slotOffset(_ i: Int) -> Int { 16 + i * CommitSlot.size }

    /// A header with both slots empty.
    static func empty() -> [UInt8] {
        var w = ByteWriter()
        w.append(magic)
        w.u32(IndexLayout.version)
        w.u32(0)
        w.append([UInt8](repeating: 0, count: size - w.count))
        return w.bytes
    }

    /// Checks magic and version of the first bytes of a file.
    static func validate(_ b: UnsafeRawBufferPointer, path: String) throws(IndexError) {
        if b.count >= 8, !b.hasBytes(magic, at: 0) { throw .notAnIndex(path: path) }
        if b.count < 12 { throw .truncated(path: path, expected: size, actual: b.count) }
        let version = b.u32Unchecked(at: 8)
        if version != IndexLayout.version {
            throw .unsupportedVersion(path: path, found: version, supported: IndexLayout.version)
        }
        if b.count < size { throw .truncated(path: path, expected: size, actual: b.count) }
    }
}

/// One commit slot of the file header: which commit record is current, and checksums that tell a torn write.
struct CommitSlot: Equatable {
    static let size = 40
    /// Commits count up from 1; 0 marks an empty slot.
    var generation: UInt64
    var recordOffset: UInt64
    var recordLength: UInt64
    /// XXH64 of the commit record's bytes.
    var recordChecksum: UInt64

    func encode(into w: inout ByteWriter) {
        var body = ByteWriter()
        body.u64(generation); body.u64(recordOffset); body.u64(recordLength); body.u64(recordChecksum)
        w.append(body.bytes)
        w.u64(body.bytes.withUnsafeBytes { Checksum.xxh64($0) })
    }

    /// Decodes the slot at `offset` of the header; nil when empty or torn (its checksum does not match).
    init?(loading b: UnsafeRawBufferPointer, at offset: Int) {
        guard let raw = b.slice(offset, Self.size) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<32])
        guard Checksum.xxh64(body) == raw.u64Unchecked(at: 32) else { return nil }
        generation = raw.u64Unchecked(at: 0)
        recordOffset = raw.u64Unchecked(at: 8)
        recordLength = raw.u64Unchecked(at: 16)
        recordChecksum = raw.u64Unchecked(at: 24)
        if generation == 0 { return nil }
    }

    /// The slot of commit `generation` whose encoded record `record` lies at `offset`.
    init(sealing record: [UInt8], generation: UInt64, at offset: Int) {
        self.init(generation: generation, recordOffset: UInt64(offset), recordLength: UInt64(record.count),
                  recordChecksum: record.withUnsafeBytes { Checksum.xxh64($0) })
    }

    /// The bytes of this slot, to write at `FileHeader.slotOffset(generation % 2)`.
    var encoded: [UInt8] {
        var w = ByteWriter()
        encode(into: &w)
        return w.bytes
    }

    init(generation: UInt64, recordOffset: UInt64, recordLength: UInt64, recordChecksum: UInt64) {
        self.generation = generation; self.recordOffset = recordOffset
        self.recordLength = recordLength; self.recordChecksum = recordChecksum
    }
}

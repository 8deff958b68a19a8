@testable import ChineseSearch

/// Rewrites every checksum of an index file's bytes after a test changed them, so the damage gets past the
/// checksums and reaches the structure readers. The file is a fresh build's: the file header, one segment at
/// `FileHeader.size` (header, section table, sections, footer as in `IndexLayout`), then the commit record,
/// which resealing leaves as it is (its checksum in the slot stays right).
enum IndexResealing {
    /// Where the segment starts, and its length from its header.
    static func segment(_ bytes: [UInt8]) -> (base: Int, length: Int) {
        (FileHeader.size, Int(truncatingIfNeeded: u64(bytes, FileHeader.size + 16)))
    }

    /// (kind, offset in the file, length) of every section, from the segment's section table.
    static func sections(_ bytes: [UInt8]) -> [(kind: SectionKind, offset: Int, length: Int)] {
        let base = segment(bytes).base
        // A damaged table may hold any count, offset or length: keep to entries inside the file, values that fit.
        let fitting = max(0, (bytes.count - base - IndexLayout.headerSize) / IndexLayout.sectionEntrySize)
        let count = min(Int(u64(bytes, base + 12) & 0xFFFF_FFFF), fitting)
        return (0..<count).compactMap { i in
            let e = base + IndexLayout.headerSize + i * IndexLayout.sectionEntrySize
            guard let kind = SectionKind(rawValue: UInt32(u64(bytes, e) & 0xFFFF_FFFF)),
                  let offset = Int(exactly: u64(bytes, e + 8)), offset <= Int.max - base,
                  let length = Int(exactly: u64(bytes, e + 16)) else { return nil }
            return (kind, base + offset, length)
        }
    }

    /// `bytes` with the segment's section, header and segment checksums recomputed.
    static func resealed(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        let (base, length) = segment(bytes)
        // A damaged section table or length is left unsealed where it points outside the file.
        for (i, s) in sections(bytes).enumerated() where s.offset >= 0 && s.length >= 0 && s.length <= bytes.count - s.offset {
            let sum = bytes[s.offset..<(s.offset + s.length)].withUnsafeBytes { Checksum.xxh64($0) }
            put(&bytes, base + IndexLayout.headerSize + i * IndexLayout.sectionEntrySize + 24, sum, width: 8)
        }
        let tableEnd = base + IndexLayout.headerSize + sections(bytes).count * IndexLayout.sectionEntrySize
        put(&bytes, base + IndexLayout.headerChecksumOffset, 0, width: 8)
        put(&bytes, base + IndexLayout.headerChecksumOffset, bytes[base..<tableEnd].withUnsafeBytes { Checksum.xxh64($0) }, width: 8)
        guard length >= 8, length <= bytes.count - base else { return bytes }
        let end = base + length
        let segmentSum = bytes[base..<(end - 8)].withUnsafeBytes { Checksum.xxh64($0) }
        put(&bytes, end - 8, segmentSum, width: 8)
        return bytes
    }

    /// `bytes` with the checksum of the commit record that `slot` names recomputed into that slot, so a changed
    /// record gets past its checksum.
    static func resealedCommit(_ bytes: [UInt8], slot: CommitSlot) -> [UInt8] {
        var b = bytes
        let record = Array(b[Int(slot.recordOffset)..<Int(slot.recordOffset + slot.recordLength)])
        let o = FileHeader.slotOffset(Int(slot.generation % 2))
        b.replaceSubrange(o..<(o + CommitSlot.size),
                          with: CommitSlot(sealing: record, generation: slot.generation, at: Int(slot.recordOffset)).encoded)
        return b
    }

    /// Writes the low `width` bytes of `value` little-endian at `offset`.
    static func put(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt64, width: Int) {
        for i in 0..<width { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}

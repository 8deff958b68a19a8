@testable import ChineseSearch

/// Rewrites every checksum of an index file's bytes after a test changed them, so the damage gets past the
/// checksums and reaches the structure readers (the header, section table and footer as in `IndexLayout`).
enum IndexResealing {
    /// (kind, offset, length) of every section, from the section table.
    static func sections(_ bytes: [UInt8]) -> [(kind: SectionKind, offset: Int, length: Int)] {
        let count = Int(u64(bytes, 12) & 0xFFFF_FFFF)
        return (0..<count).compactMap { i in
            let e = IndexLayout.headerSize + i * IndexLayout.sectionEntrySize
            guard let kind = SectionKind(rawValue: UInt32(u64(bytes, e) & 0xFFFF_FFFF)) else { return nil }
            return (kind, Int(u64(bytes, e + 8)), Int(u64(bytes, e + 16)))
        }
    }

    /// `bytes` with section, header and file checksums recomputed.
    static func resealed(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for (i, s) in sections(bytes).enumerated() {
            let sum = bytes[s.offset..<(s.offset + s.length)].withUnsafeBytes { Checksum.xxh64($0) }
            put(&bytes, IndexLayout.headerSize + i * IndexLayout.sectionEntrySize + 24, sum, width: 8)
        }
        let tableEnd = IndexLayout.headerSize + sections(bytes).count * IndexLayout.sectionEntrySize
        put(&bytes, IndexLayout.headerChecksumOffset, 0, width: 8)
        put(&bytes, IndexLayout.headerChecksumOffset, bytes[0..<tableEnd].withUnsafeBytes { Checksum.xxh64($0) }, width: 8)
        let fileSum = bytes[0..<(bytes.count - 8)].withUnsafeBytes { Checksum.xxh64($0) }
        put(&bytes, bytes.count - 8, fileSum, width: 8)
        return bytes
    }

    /// Writes the low `width` bytes of `value` little-endian at `offset`.
    static func put(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt64, width: Int) {
        for i in 0..<width { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}

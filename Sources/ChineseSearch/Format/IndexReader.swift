/// One opened segment of an index file: validated header, section slices and the term dictionaries, all read
/// in place.
///
/// Opening checks magic, version, length, the header checksum, every section's bounds and sizes, and the
/// meta section's checksum: O(number of sections), no section is read whole. Every later read is
/// bounds-checked, so a damaged file gives wrong-but-safe data or `IndexError`, never a crash;
/// `verify()` checks everything. Immutable, so shared freely between threads.
final class IndexReader: @unchecked Sendable {
    let path: String
    /// Keeps the mapping alive.
    let file: MappedFile
    /// The segment's bytes inside the mapping.
    let bytes: UnsafeRawBufferPointer
    let statistics: IndexStatistics
    /// (kind, offset, length, checksum) of every section, in file order.
    let sectionTable: [(kind: SectionKind, offset: Int, length: Int, checksum: UInt64)]
    let documents: UnsafeRawBufferPointer
    let strings: UnsafeRawBufferPointer
    /// The stored-text stream: its compressed blocks and their index.
    let storedBlocks: StoredTextBlocks
    let cjkKeys: UnsafeRawBufferPointer
    let cjkTerms: UnsafeRawBufferPointer
    let wordOffsets: UnsafeRawBufferPointer
    let wordBytes: UnsafeRawBufferPointer
    let wordTerms: UnsafeRawBufferPointer
    let charKeys: UnsafeRawBufferPointer
    let charTerms: UnsafeRawBufferPointer
    /// Every term's header, lists and positions (`TermEntry`).
    let postings: UnsafeRawBufferPointer
    let sources: UnsafeRawBufferPointer
    let pathRanks: UnsafeRawBufferPointer
    let pathOrder: UnsafeRawBufferPointer
    let fieldRecords: UnsafeRawBufferPointer
    let categoryIDs: UnsafeRawBufferPointer
    let valueOffsets: UnsafeRawBufferPointer
    let valueBytes: UnsafeRawBufferPointer
    let shownValues: UnsafeRawBufferPointer
    /// Where tokenizing each long document's stored text may restart.
    let tokenCheckpoints: TokenCheckpoints
    /// Distinct normalized field values (authors and categories).
    let valueCount: Int

    /// Total bytes of the segment.
    var segmentSize: Int { bytes.count }

    /// Opens the segment `bytes` of the mapping `file`.
    // swiftlint:disable:next function_body_length
    init(bytes b: UnsafeRawBufferPointer, file: MappedFile, path: String) throws(IndexError) {
        self.file = file
        self.path = path
        self.bytes = b
        let minimum = IndexLayout.headerSize + IndexLayout.footerSize
        if b.count >= 8, !b.hasBytes(IndexLayout.magic, at: 0) { throw .notAnIndex(path: path) }
        if b.count < minimum { throw .truncated(path: path, expected: minimum, actual: b.count) }
        let version = b.u32Unchecked(at: 8)
        if version != IndexLayout.version {
            throw .unsupportedVersion(path: path, found: version, supported: IndexLayout.version)
        }
        let sectionCount = Int(b.u32Unchecked(at: 12))
        let declared = b.u64Unchecked(at: 16)
        if declared > UInt64(b.count) { throw .truncated(path: path, expected: Int(clamping: declared), actual: b.count) }
        if declared < UInt64(b.count) {
            throw .corrupt(path: path, detail: "file has \(b.count) bytes, header says \(declared)")
        }
        guard sectionCount == SectionKind.allCases.count else {
            throw .corrupt(path: path, detail: "header lists \(sectionCount) sections, expected \(SectionKind.allCases.count)")
        }
        let tableEnd = IndexLayout.headerSize + sectionCount * IndexLayout.sectionEntrySize
        guard tableEnd + IndexLayout.footerSize <= b.count else {
            throw .truncated(path: path, expected: tableEnd + IndexLayout.footerSize, actual: b.count)
        }
        var header = Array(b[0..<tableEnd])
        for i in 0..<8 { header[IndexLayout.headerChecksumOffset + i] = 0 }
        if header.withUnsafeBytes({ Checksum.xxh64($0) }) != b.u64Unchecked(at: IndexLayout.headerChecksumOffset) {
            throw .checksumMismatch(path: path, section: "header")
        }
        let footer = b.count - IndexLayout.footerSize
        guard b.hasBytes(IndexLayout.footerMagic, at: footer) else {
            throw .corrupt(path: path, detail: "footer magic is missing")
        }
        var table: [(kind: SectionKind, offset: Int, length: Int, checksum: UInt64)] = []
        var byKind = SectionSlices()
        for i in 0..<sectionCount {
            let e = IndexLayout.headerSize + i * IndexLayout.sectionEntrySize
            guard let kind = SectionKind(rawValue: b.u32Unchecked(at: e)), byKind[kind] == nil else {
                throw .corrupt(path: path, detail: "section table entry \(i) has an unknown or repeated kind")
            }
            let offset = b.u64Unchecked(at: e + 8), length = b.u64Unchecked(at: e + 16)
            guard offset >= UInt64(tableEnd), length <= UInt64(footer), offset <= UInt64(footer) - length else {
                throw .corrupt(path: path, detail: "section '\(kind.name)' lies outside the file")
            }
            let slice = b.slice(Int(offset), Int(length))!
            byKind[kind] = slice
            table.append((kind, Int(offset), Int(length), b.u64Unchecked(at: e + 24)))
        }
        sectionTable = table.sorted { $0.offset < $1.offset }
        let meta = byKind[.meta]!
        if Checksum.xxh64(meta) != table.first(where: { $0.kind == .meta })!.checksum {
            throw .checksumMismatch(path: path, section: SectionKind.meta.name)
        }
        guard let stats = IndexStatistics(decoding: meta) else {
            throw .corrupt(path: path, detail: "meta section has the wrong size or values")
        }
        statistics = stats
        documents = byKind[.documents]!; strings = byKind[.strings]!
        cjkKeys = byKind[.cjkKeys]!; cjkTerms = byKind[.cjkTerms]!
        wordOffsets = byKind[.wordOffsets]!; wordBytes = byKind[.wordBytes]!; wordTerms = byKind[.wordTerms]!
        charKeys = byKind[.charKeys]!; charTerms = byKind[.charTerms]!
        postings = byKind[.postings]!
        sources = byKind[.sources]!; pathRanks = byKind[.pathRanks]!; pathOrder = byKind[.pathOrder]!
        fieldRecords = byKind[.fieldRecords]!; categoryIDs = byKind[.categoryIDs]!
        valueOffsets = byKind[.valueOffsets]!; valueBytes = byKind[.valueBytes]!; shownValues = byKind[.shownValues]!
        valueCount = valueOffsets.count / 8 - 1
        guard let blockIndex = StoredBlockIndex(section: byKind[.storedBlocks]!) else {
            throw .corrupt(path: path, detail: "section 'stored block index' has a bad block size or length")
        }
        guard let symbols = SymbolTable(byKind[.storedSymbols]!) else {
            throw .corrupt(path: path, detail: "section 'stored text symbols' has a bad header or length")
        }
        storedBlocks = StoredTextBlocks(index: blockIndex, symbols: symbols, blocks: byKind[.stored]!)
        guard let checkpoints = TokenCheckpoints(section: byKind[.tokenCheckpoints]!) else {
            throw .corrupt(path: path, detail: "section 'token checkpoints' has a length its counts do not give")
        }
        tokenCheckpoints = checkpoints
        let entry = IndexLayout.termEntrySize
        let sizes: [(String, Int, Int)] = [
            ("documents", documents.count, stats.documentCount * DocumentRecord.size),
            ("CJK term keys", cjkKeys.count, stats.cjkTermCount * 4),
            ("CJK term entries", cjkTerms.count, stats.cjkTermCount * IndexLayout.cjkEntrySize),
            ("word term offsets", wordOffsets.count, (stats.wordTermCount + 1) * 8),
            ("word term entries", wordTerms.count, stats.wordTermCount * entry),
            ("character keys", charKeys.count, stats.charTermCount * 4),
            ("character entries", charTerms.count, stats.charTermCount * IndexLayout.charEntrySize),
            ("source stamps", sources.count, stats.documentCount * IndexLayout.sourceStampSize),
            ("path ranks", pathRanks.count, stats.documentCount * 4),
            ("path order", pathOrder.count, stats.documentCount * 4),
            ("field records", fieldRecords.count, stats.documentCount * FieldRecord.size),
            ("category ids", categoryIDs.count, categoryIDs.count / 4 * 4),
            ("field value offsets", valueOffsets.count, max(8, valueOffsets.count / 8 * 8)),
        ]
        for (name, actual, expected) in sizes where actual != expected {
            throw .corrupt(path: path, detail: "section '\(name)' has \(actual) bytes, meta implies \(expected)")
        }
        guard stats.cjkTermCount == 0 || stats.charTermCount > 0 else {
            throw .corrupt(path: path, detail: "CJK terms without characters")
        }
        guard postings.count >= BitPacking.paddingBytes else {
            throw .corrupt(path: path, detail: "postings section is shorter than its padding")
        }
    }
}

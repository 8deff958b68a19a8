/// The byte layout of the index file (docs/FORMAT.md is the full spec; this is its code form).
///
/// ```
/// File       --> Header, SectionTable, Section^sectionCount, Footer
/// Header     --> magic "ZHSEARCH", version u32, sectionCount u32, fileLength u64, headerChecksum u64, 32 zero bytes
/// SectionEntry --> kind u32, 0 u32, offset u64, length u64, checksum u64          (32 bytes)
/// Footer     --> "ZHSEND\0\0", fileChecksum u64                                  (16 bytes)
/// ```
/// All integers little-endian. Checksums are XXH64: the header's covers header and section table with its own
/// field zeroed; a section's covers its bytes; the file's covers every byte before its own
/// field (the footer magic included).
enum IndexLayout {
    static let magic: [UInt8] = Array("ZHSEARCH".utf8)
    static let footerMagic: [UInt8] = Array("ZHSEND\0\0".utf8)
    /// The version this build writes and reads.
    static let version: UInt32 = 1
    static let headerSize = 64
    static let sectionEntrySize = 32
    static let footerSize = 16
    static let headerChecksumOffset = 24

    /// Bytes of one document record.
    static let documentRecordSize = 40
    /// Bytes of one term entry (CJK, word and character dictionaries alike).
    static let termEntrySize = 32
    /// Bytes of the meta section.
    static let metaSize = 64
}

/// The sections of an index file, by kind number.
enum SectionKind: UInt32, CaseIterable, Sendable {
    case meta = 1, documents, strings, stored, cjkKeys, cjkTerms, wordOffsets, wordBytes, wordTerms,
         charKeys, charTerms, postings, positions

    /// The name `search stats` and error messages use.
    var name: String {
        switch self {
        case .meta: return "meta"
        case .documents: return "documents"
        case .strings: return "strings"
        case .stored: return "stored text"
        case .cjkKeys: return "CJK term keys"
        case .cjkTerms: return "CJK term entries"
        case .wordOffsets: return "word term offsets"
        case .wordBytes: return "word term bytes"
        case .wordTerms: return "word term entries"
        case .charKeys: return "character keys"
        case .charTerms: return "character entries"
        case .postings: return "postings"
        case .positions: return "positions"
        }
    }
}

/// Corpus-wide statistics, the `meta` section.
///
/// ```
/// Meta --> documentCount u64, textTokens u64, titleTokens u64, minTextLength u32, minTitleLength u32,
///          cjkTermCount u64, wordTermCount u64, charTermCount u64, 8 zero bytes          (64 bytes)
/// ```
public struct IndexStatistics: Sendable, Equatable {
    /// Documents in the index.
    public var documentCount: Int
    /// Tokens of the text field (title + body) over all documents.
    public var textTokens: Int
    /// Tokens of the title field over all documents.
    public var titleTokens: Int
    /// The shortest text field, in tokens (bounds BM25 for lists without skip entries).
    public var minTextLength: Int
    /// The shortest title field, in tokens.
    public var minTitleLength: Int
    /// Distinct CJK tokens (bigrams and run-ends).
    public var cjkTermCount: Int
    /// Distinct word tokens.
    public var wordTermCount: Int
    /// Distinct CJK characters (single-character lists).
    public var charTermCount: Int

    /// Mean text-field length in tokens.
    public var averageTextLength: Double { documentCount == 0 ? 0 : Double(textTokens) / Double(documentCount) }
    /// Mean title-field length in tokens.
    public var averageTitleLength: Double { documentCount == 0 ? 0 : Double(titleTokens) / Double(documentCount) }

    func encode(into w: inout ByteWriter) {
        w.u64(UInt64(documentCount)); w.u64(UInt64(textTokens)); w.u64(UInt64(titleTokens))
        w.u32(UInt32(clamping: minTextLength)); w.u32(UInt32(clamping: minTitleLength))
        w.u64(UInt64(cjkTermCount)); w.u64(UInt64(wordTermCount)); w.u64(UInt64(charTermCount)); w.u64(0)
    }

    init(documentCount: Int, textTokens: Int, titleTokens: Int, minTextLength: Int, minTitleLength: Int,
         cjkTermCount: Int, wordTermCount: Int, charTermCount: Int) {
        self.documentCount = documentCount; self.textTokens = textTokens; self.titleTokens = titleTokens
        self.minTextLength = minTextLength; self.minTitleLength = minTitleLength
        self.cjkTermCount = cjkTermCount; self.wordTermCount = wordTermCount; self.charTermCount = charTermCount
    }

    init?(decoding b: UnsafeRawBufferPointer) {
        guard b.count == IndexLayout.metaSize else { return nil }
        func int(_ v: UInt64) -> Int? { v <= UInt64(Int32.max) * 1024 ? Int(v) : nil }
        guard let d = int(b.u64Unchecked(at: 0)), let tt = int(b.u64Unchecked(at: 8)), let ti = int(b.u64Unchecked(at: 16)),
              let c = int(b.u64Unchecked(at: 32)), let w = int(b.u64Unchecked(at: 40)), let ch = int(b.u64Unchecked(at: 48))
        else { return nil }
        self.init(documentCount: d, textTokens: tt, titleTokens: ti,
                  minTextLength: Int(b.u32Unchecked(at: 24)), minTitleLength: Int(b.u32Unchecked(at: 28)),
                  cjkTermCount: c, wordTermCount: w, charTermCount: ch)
    }
}

/// One dictionary entry: where a term's lists are and how many documents they hold.
///
/// ```
/// TermEntry --> df u32, titleDf u32, postingsOffset u64, titlePostingsOffset u64, positionsOffset u64   (32 bytes)
/// ```
/// Offsets count from the start of the postings (resp. positions) section. A list with `titleDf == 0` has no
/// title postings; character entries have no positions.
struct TermEntry: Equatable {
    var df: UInt32
    var titleDf: UInt32
    var postingsOffset: UInt64
    var titlePostingsOffset: UInt64
    var positionsOffset: UInt64

    func encode(into w: inout ByteWriter) {
        w.u32(df); w.u32(titleDf); w.u64(postingsOffset); w.u64(titlePostingsOffset); w.u64(positionsOffset)
    }

    init(df: UInt32, titleDf: UInt32, postingsOffset: UInt64, titlePostingsOffset: UInt64, positionsOffset: UInt64) {
        self.df = df; self.titleDf = titleDf; self.postingsOffset = postingsOffset
        self.titlePostingsOffset = titlePostingsOffset; self.positionsOffset = positionsOffset
    }

    /// Decodes entry `index` of a section whose size was checked to hold it.
    init(_ section: UnsafeRawBufferPointer, index: Int) {
        let o = index * IndexLayout.termEntrySize
        self.init(df: section.u32Unchecked(at: o), titleDf: section.u32Unchecked(at: o + 4),
                  postingsOffset: section.u64Unchecked(at: o + 8), titlePostingsOffset: section.u64Unchecked(at: o + 16),
                  positionsOffset: section.u64Unchecked(at: o + 24))
    }
}

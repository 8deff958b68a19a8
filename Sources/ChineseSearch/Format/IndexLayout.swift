/// The byte layout of one segment inside the index file (docs/FORMAT.md is the full spec; this is its code form).
///
/// ```
/// Segment    --> Header, SectionTable, Section^sectionCount, Footer
/// Header     --> magic "ZHSEGMNT", version u32, sectionCount u32, segmentLength u64, headerChecksum u64, 32 zero bytes
/// SectionEntry --> kind u32, 0 u32, offset u64, length u64, checksum u64          (32 bytes)
/// Footer     --> "ZHSEND\0\0", segmentChecksum u64                               (16 bytes)
/// ```
/// All integers little-endian; offsets count from the segment's first byte. Checksums are XXH64: the header's
/// covers header and section table with its own field zeroed; a section's covers its bytes; the segment's covers
/// every byte before its own field (the footer magic included). The file around the segments is `FileHeader`.
enum IndexLayout {
    static let magic: [UInt8] = Array("ZHSEGMNT".utf8)
    static let footerMagic: [UInt8] = Array("ZHSEND\0\0".utf8)
    /// The format version this build writes and reads (file header and every segment header).
    static let version: UInt32 = 6
    static let headerSize = 64
    static let sectionEntrySize = 32
    static let footerSize = 16
    static let headerChecksumOffset = 24

    /// Bytes of one word dictionary entry: the term's postings offset.
    static let termEntrySize = 8
    /// Bytes of one CJK token entry: its offset from its character's `tokensBase`.
    static let cjkEntrySize = 4
    /// Bytes of one character entry: list offset u64, tokensBase u64, firstToken u32, 0 u32.
    static let charEntrySize = 24
    /// Bytes of the meta section.
    static let metaSize = 64
    /// Bytes of one document's source stamp: size u64, modification time u64 (ns), content hash u64.
    static let sourceStampSize = 24
}

/// The sections of an index file, by kind number.
enum SectionKind: UInt32, CaseIterable, Sendable {
    case meta = 1, documents, strings, stored, cjkKeys, cjkTerms, wordOffsets, wordBytes, wordTerms,
         charKeys, charTerms, postings
    // 13 was the positions section up to version 4: positions now follow each term's lists in `postings`.
    case sources = 14, pathRanks, pathOrder, fieldRecords, categoryIDs, valueOffsets, valueBytes, shownValues,
         storedBlocks, tokenCheckpoints, storedSymbols

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
        case .sources: return "source stamps"
        case .pathRanks: return "path ranks"
        case .pathOrder: return "path order"
        case .fieldRecords: return "field records"
        case .categoryIDs: return "category ids"
        case .valueOffsets: return "field value offsets"
        case .valueBytes: return "field value bytes"
        case .shownValues: return "shown field values"
        case .storedBlocks: return "stored block index"
        case .tokenCheckpoints: return "token checkpoints"
        case .storedSymbols: return "stored text symbols"
        }
    }
}

/// Corpus-wide statistics, the `meta` section.
///
/// ```
/// Meta --> documentCount u64, textTokens u64, titleTokens u64, minTextLength u32, minTitleLength u32,
///          cjkTermCount u64, wordTermCount u64, charTermCount u64, postingCount u64       (64 bytes)
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
    /// Postings of the token terms' text-field lists: (term, document) pairs, the sum of their df.
    public var postingCount: Int

    /// Mean text-field length in tokens.
    public var averageTextLength: Double { documentCount == 0 ? 0 : Double(textTokens) / Double(documentCount) }
    /// Mean title-field length in tokens.
    public var averageTitleLength: Double { documentCount == 0 ? 0 : Double(titleTokens) / Double(documentCount) }

    func encode(into w: inout ByteWriter) {
        w.u64(UInt64(documentCount)); w.u64(UInt64(textTokens)); w.u64(UInt64(titleTokens))
        w.u32(UInt32(clamping: minTextLength)); w.u32(UInt32(clamping: minTitleLength))
        w.u64(UInt64(cjkTermCount)); w.u64(UInt64(wordTermCount)); w.u64(UInt64(charTermCount)); w.u64(UInt64(postingCount))
    }

    init(documentCount: Int, textTokens: Int, titleTokens: Int, minTextLength: Int, minTitleLength: Int,
         cjkTermCount: Int, wordTermCount: Int, charTermCount: Int, postingCount: Int) {
        self.documentCount = documentCount; self.textTokens = textTokens; self.titleTokens = titleTokens
        self.minTextLength = minTextLength; self.minTitleLength = minTitleLength
        self.cjkTermCount = cjkTermCount; self.wordTermCount = wordTermCount; self.charTermCount = charTermCount
        self.postingCount = postingCount
    }

    init?(decoding b: UnsafeRawBufferPointer) {
        guard b.count == IndexLayout.metaSize else { return nil }
        func int(_ v: UInt64) -> Int? { v <= UInt64(Int32.max) * 1024 ? Int(v) : nil }
        guard let d = int(b.u64Unchecked(at: 0)), let tt = int(b.u64Unchecked(at: 8)), let ti = int(b.u64Unchecked(at: 16)),
              let c = int(b.u64Unchecked(at: 32)), let w = int(b.u64Unchecked(at: 40)), let ch = int(b.u64Unchecked(at: 48)),
              let p = int(b.u64Unchecked(at: 56))
        else { return nil }
        self.init(documentCount: d, textTokens: tt, titleTokens: ti,
                  minTextLength: Int(b.u32Unchecked(at: 24)), minTitleLength: Int(b.u32Unchecked(at: 28)),
                  cjkTermCount: c, wordTermCount: w, charTermCount: ch, postingCount: p)
    }
}

/// Where a term's lists and positions are and how many documents they hold, decoded from the term's header.
///
/// A dictionary entry is only the offset of the term in the postings section; there the term begins with
/// ```
/// TermHeader --> df varint, titleDf varint
/// Term       --> TermHeader, PostingsList(text field, df documents), PostingsList(title field, titleDf documents)?,
///                Positions(text list)?
/// ```
/// The title list follows the text list and is absent when `titleDf` is 0; the text list's positions follow
/// the lists (single-character lists have none). Neither list's length is stored: each list gives its own
/// (`PostingsFormat.listByteCount`), so a term whose lists hold one document costs a two-byte header, where
/// lengths and a positions offset took about five more (most terms of Chinese text occur in one document).
struct TermEntry: Equatable {
    var df: UInt32
    var titleDf: UInt32
    /// Where the text-field list starts in the postings section.
    var postingsOffset: UInt64
    /// Where the title-field list starts (meaningful when `titleDf > 0`).
    var titlePostingsOffset: UInt64
    /// Where the text list's positions start in the postings section.
    var positionsOffset: UInt64
    /// True when the header could not be decoded; cursors on it report damage.
    var damaged = false

    /// Appends the header for lists of `df`/`titleDf` documents.
    static func encodeHeader(df: Int, titleDf: Int, into w: inout ByteWriter) {
        w.varint(UInt64(df)); w.varint(UInt64(titleDf))
    }

    /// Decodes the header at `offset` of the postings section and measures the lists behind it; a damaged entry
    /// when either does not decode inside the section.
    init(postings: UnsafeRawBufferPointer, offset: UInt64) {
        var o = Int(clamping: offset)
        guard offset < UInt64(postings.count), let df = postings.varint(at: &o), let titleDf = postings.varint(at: &o),
              df > 0, df <= UInt64(UInt32.max), titleDf <= df,
              let textBytes = PostingsFormat.listByteCount(postings, at: o, df: Int(df)),
              let titleBytes = titleDf == 0 ? 0 : PostingsFormat.listByteCount(postings, at: o + textBytes, df: Int(titleDf))
        else {
            self.init(df: 0, titleDf: 0, postingsOffset: 0, titlePostingsOffset: 0, positionsOffset: 0, damaged: true)
            return
        }
        self.init(df: UInt32(df), titleDf: UInt32(titleDf), postingsOffset: UInt64(o),
                  titlePostingsOffset: UInt64(o + textBytes), positionsOffset: UInt64(o + textBytes + titleBytes))
    }

    init(df: UInt32, titleDf: UInt32, postingsOffset: UInt64, titlePostingsOffset: UInt64, positionsOffset: UInt64,
         damaged: Bool = false) {
        self.df = df; self.titleDf = titleDf; self.postingsOffset = postingsOffset
        self.titlePostingsOffset = titlePostingsOffset; self.positionsOffset = positionsOffset; self.damaged = damaged
    }
}

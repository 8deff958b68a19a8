/// What an index records of a document's source file, to tell on the next update whether it changed.
///
/// An update compares size and modification time with "≠" (a file restored from a backup with an older time
/// still counts as changed) and reads only files whose stat changed; of those, only files whose content hash
/// differs are indexed again.
public struct SourceStamp: Sendable, Hashable {
    /// File size in bytes.
    public var size: Int
    /// Modification time in nanoseconds since 1970 (UTC).
    public var modificationTime: Int64
    /// XXH64 of the file's bytes.
    public var contentHash: UInt64

    /// Creates a stamp from its parts.
    public init(size: Int, modificationTime: Int64, contentHash: UInt64) {
        self.size = size
        self.modificationTime = modificationTime
        self.contentHash = contentHash
    }

    /// The stamp of a document that has no file (added through the library): all zero.
    public static let none = SourceStamp(size: 0, modificationTime: 0, contentHash: 0)

    func encode(into w: inout ByteWriter) {
        w.u64(UInt64(size)); w.u64(UInt64(bitPattern: modificationTime)); w.u64(contentHash)
    }

    init(loading b: UnsafeRawBufferPointer, at o: Int) {
        size = Int(clamping: b.u64Unchecked(at: o))
        modificationTime = Int64(bitPattern: b.u64Unchecked(at: o + 8))
        contentHash = b.u64Unchecked(at: o + 16)
    }
}

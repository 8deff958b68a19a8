/// The field sections, read in place: dates, value ids, the value dictionary, values as written.
extension IndexReader {
    /// The field record of `doc` (< documentCount). O(1).
    @inline(__always) func fields(_ doc: UInt32) -> FieldRecord { FieldRecord(loading: fieldRecords, doc: Int(doc)) }

    /// The date of `doc` in UTC seconds, `FieldRecord.noDate` when it has none. O(1).
    @inline(__always) func date(_ doc: UInt32) -> Int64 {
        Int64(bitPattern: fieldRecords.u64Unchecked(at: Int(doc) * FieldRecord.size))
    }

    /// The author value id of `doc`, `FieldRecord.noValue` when it has none. O(1).
    @inline(__always) func authorID(_ doc: UInt32) -> UInt32 { fieldRecords.u32Unchecked(at: Int(doc) * FieldRecord.size + 8) }

    /// Calls `body` with each category value id of `doc` until it returns true; whether one did. Ids outside
    /// the section (a damaged record) are never read.
    @inline(__always) func anyCategory(of doc: UInt32, _ body: (UInt32) -> Bool) -> Bool {
        let r = fields(doc)
        let count = UInt64(r.categoryCount), start = UInt64(r.categoriesStart)
        guard start + count <= UInt64(categoryIDs.count / 4) else { return false }
        for i in Int(start)..<Int(start + count) where body(categoryIDs.u32Unchecked(at: i * 4)) { return true }
        return false
    }

    /// The bytes of value `id` (kind byte, then the normalized text), nil when its offsets are damaged.
    func valueText(_ id: Int) -> UnsafeRawBufferPointer? {
        guard id >= 0, id < valueCount else { return nil }
        let start = valueOffsets.u64Unchecked(at: id * 8), end = valueOffsets.u64Unchecked(at: id * 8 + 8)
        guard start <= end, end <= UInt64(valueBytes.count) else { return nil }
        return valueBytes.slice(Int(start), Int(end - start))
    }

    /// The id of the normalized value `value` of `kind`, nil when no document of the segment has it. O(log values).
    func valueID(_ kind: FieldKind, _ value: String) -> UInt32? {
        let key = [kind.rawValue] + Array(value.utf8)
        return key.withUnsafeBytes { key in
            var low = 0, high = valueCount
            while low < high {
                let mid = (low + high) >> 1
                guard let text = valueText(mid) else { return nil }
                if compareBytes(text, key) < 0 { low = mid + 1 } else { high = mid }
            }
            guard low < valueCount, let text = valueText(low), compareBytes(text, key) == 0 else { return nil }
            return UInt32(low)
        }
    }

    /// The normalized text of value `id` without its kind byte ("" when damaged).
    func valueString(_ id: UInt32) -> String {
        guard let text = valueText(Int(id)), text.count > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: text[1...]), as: UTF8.self)
    }

    /// The author and categories of `doc` as written (empty when the record is damaged).
    func shownFields(_ doc: UInt32) -> (author: String, categories: [String]) {
        let r = fields(doc)
        guard r.shownOffset < UInt64(shownValues.count) else { return ("", []) }
        var o = Int(r.shownOffset)
        func string() -> String? {
            guard let n = shownValues.varint(at: &o), n <= UInt64(shownValues.count - o),
                  let bytes = shownValues.slice(o, Int(n)) else { return nil }
            o += Int(n)
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let author = string(), let count = shownValues.varint(at: &o) else { return ("", []) }
        var categories: [String] = []
        // Reserved once (a hit has a few), capped so a damaged count cannot reserve more than a handful.
        categories.reserveCapacity(min(Int(clamping: count), 16))
        for _ in 0..<min(Int(clamping: count), shownValues.count) {
            guard let c = string() else { break }
            categories.append(c)
        }
        return (author, categories)
    }
}

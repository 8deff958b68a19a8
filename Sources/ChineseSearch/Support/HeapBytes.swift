/// Bytes copied once into one stable heap allocation (8-byte aligned), freed with the object: for byte
/// arrays whose address must not move while raw pointers into them are in use (in-memory runs and indexes).
final class HeapBytes {
    /// The bytes; valid for the lifetime of the object. Do not let them escape it.
    let bytes: UnsafeRawBufferPointer

    /// Copies `parts`, concatenated, into the allocation. O(total bytes), one copy.
    init(_ parts: [UInt8]...) {
        let total = parts.reduce(0) { $0 + $1.count }
        let heap = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, total), alignment: 8)
        var offset = 0
        for part in parts {
            part.withUnsafeBytes { raw in
                if let base = raw.baseAddress { (heap.baseAddress! + offset).copyMemory(from: base, byteCount: raw.count) }
            }
            offset += part.count
        }
        bytes = UnsafeRawBufferPointer(start: heap.baseAddress, count: total)
    }

    deinit { UnsafeMutableRawBufferPointer(mutating: bytes).deallocate() }
}

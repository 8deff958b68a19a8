/// A growable little-endian byte buffer for building file sections and runs. Appends are amortized O(1).
struct ByteWriter {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Number of bytes written.
    var count: Int { bytes.count }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// LEB128: 7 bits a byte, low bits first, high bit set on every byte but the last.
    /// Values below 2^56 are assembled in a register and appended at once.
    @inline(__always) mutating func varint(_ value: UInt64) {
        if value < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value))
            return
        }
        var v = value
        if v >= 1 << 56 {
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
            return
        }
        var packed: UInt64 = 0
        var n = 0
        while v >= 0x80 {
            packed |= UInt64(UInt8(truncatingIfNeeded: v) | 0x80) << UInt64(8 * n)
            v >>= 7
            n += 1
        }
        packed |= v << UInt64(8 * n)
        withUnsafeBytes(of: packed.littleEndian) { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0...n])) }
    }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
    mutating func append(_ array: [UInt8]) { bytes.append(contentsOf: array) }
}

/// Bounds-checked little-endian reads from a byte buffer; every read that could fail returns nil.
extension UnsafeRawBufferPointer {
    @inline(__always) func u32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) func u64(at offset: Int) -> UInt64? {
        guard offset >= 0, offset <= count - 8 else { return nil }
        return UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Unchecked little-endian loads for hot loops whose bounds were checked once beforehand.
    @inline(__always) func u32Unchecked(at offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) func u64Unchecked(at offset: Int) -> UInt64 {
        UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Reads a LEB128 varint at `offset`, advancing it; nil when it runs past the end or over 10 bytes.
    @inline(__always) func varint(at offset: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count && shift < 64 {
            let b = self[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// Whether the bytes at `offset` are `expected` (a magic); false when they run past the end. A plain loop:
    /// `zip(…).allSatisfy` made the first open of a process look a generic conformance up at run time (0.2 ms).
    func hasBytes(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= count - expected.count else { return false }
        for i in expected.indices where self[offset + i] != expected[i] { return false }
        return true
    }

    /// A sub-buffer, or nil when the range is out of bounds.
    func slice(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        if length == 0 { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: self[offset..<(offset + length)])
    }
}

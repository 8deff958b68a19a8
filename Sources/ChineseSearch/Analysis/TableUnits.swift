/// Generated table data read in place: the bytes of a string literal holding *units*, values of up to 28 bits
/// stored as four bytes of 7 bits each, low first, each XOR 0x40 (so a 0 is `@` and the literals stay mostly
/// printable).
///
/// Why a string literal: its bytes are constants in the binary's read-only data, where `utf8Start` points, so a
/// process builds, copies and allocates nothing, and swiftc compiles the 256 KiB of the BMP in a fraction of a
/// second (an integer array literal of the same 65,536 entries took 20 s of optimizer time, and is still set up by
/// a once-initializer). A literal must be valid UTF-8, hence 7 bits a byte. `Scripts/generate-folding-table.swift`
/// writes the literals; each loaded unit is one unaligned 32-bit load.
struct TableUnits {
    let base: UnsafeRawPointer
    /// Units in the literal.
    let count: Int

    @inline(__always)
    init(_ literal: StaticString) {
        base = UnsafeRawPointer(literal.utf8Start)
        count = literal.utf8CodeUnitCount / 4
    }

    /// Unit `index` as stored (compare it with `stored(_:)` of a constant to test a value without decoding it).
    @inline(__always)
    func stored(at index: Int) -> UInt32 {
        assert(index >= 0 && index < count, "unit index out of range")
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
    }

    /// The value of unit `index`.
    @inline(__always)
    subscript(index: Int) -> UInt32 { Self.value(stored: stored(at: index)) }

    /// The value of a unit as stored: the four 7-bit groups joined.
    @inline(__always)
    static func value(stored: UInt32) -> UInt32 {
        let groups = stored ^ 0x4040_4040
        return groups & 0x7F | groups >> 1 & 0x3F80 | groups >> 2 & 0x1F_C000 | groups >> 3 & 0xFE0_0000
    }

    /// A value below 2²⁸ as it is stored.
    @inline(__always)
    static func stored(_ value: UInt32) -> UInt32 {
        (value & 0x7F | value << 1 & 0x7F00 | value << 2 & 0x7F_0000 | value << 3 & 0x7F00_0000) ^ 0x4040_4040
    }
}

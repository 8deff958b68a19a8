/// Encodes Unicode scalars as UTF-8 bytes, for decoders that build text byte by byte.
enum UTF8Encoding {
    /// The replacement character U+FFFD, written for code points that are not valid scalars.
    static let replacement: UInt32 = 0xFFFD

    /// Calls `emit` with the 1–4 UTF-8 bytes of `scalar`; a surrogate or a value above U+10FFFF
    /// is written as U+FFFD instead.
    @inline(__always)
    static func encode(_ scalar: UInt32, _ emit: (UInt8) -> Void) {
        let value = (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF ? replacement : scalar
        switch value {
        case 0..<0x80:
            emit(UInt8(value))
        case 0x80..<0x800:
            emit(UInt8(0xC0 | value >> 6))
            emit(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            emit(UInt8(0xE0 | value >> 12))
            emit(UInt8(0x80 | value >> 6 & 0x3F))
            emit(UInt8(0x80 | value & 0x3F))
        default:
            emit(UInt8(0xF0 | value >> 18))
            emit(UInt8(0x80 | value >> 12 & 0x3F))
            emit(UInt8(0x80 | value >> 6 & 0x3F))
            emit(UInt8(0x80 | value & 0x3F))
        }
    }
}

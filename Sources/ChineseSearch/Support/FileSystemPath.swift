/// Paths whose bytes are not valid UTF-8, carried in a `String` without loss.
///
/// POSIX file names are bytes; a Swift `String` holds Unicode. A valid UTF-8 path is its own text; each byte
/// of a path that is not part of valid UTF-8 is carried as one private-use scalar, U+10FE00 + byte
/// (U+10FE80…U+10FEFF), in the way Python's "surrogateescape" does it. `System` turns such strings back into
/// the original bytes at every system call, so a corpus folder, an index path or a file name with Latin-1 or
/// Shift-JIS bytes works. (A real name containing those private-use scalars would be misread: none is known.)
public enum FileSystemPath {
    /// The first scalar of the escape range; byte `b` is `base + b`.
    static let base: UInt32 = 0x10FE00

    /// The path text for raw bytes `bytes` (a C string without its NUL).
    public static func string<Bytes: Collection>(fromBytes bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let length = validSequenceLength(array, at: i)
            if length > 0 {
                out.append(contentsOf: String(decoding: array[i..<(i + length)], as: UTF8.self).unicodeScalars)
                i += length
            } else {
                out.append(Unicode.Scalar(base + UInt32(array[i]))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The path text for the NUL-terminated C string `cString`.
    public static func string(fromCString cString: UnsafePointer<CChar>) -> String {
        var count = 0
        while cString[count] != 0 { count += 1 }
        return string(fromBytes: UnsafeRawBufferPointer(start: cString, count: count))
    }

    /// The raw bytes `path` stands for: its UTF-8, with escaped bytes restored.
    static func bytes(of path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if scalar.value >= base + 0x80 && scalar.value <= base + 0xFF {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// The byte an escape scalar stands for, or nil for any other scalar.
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= base + 0x80 && scalar.value <= base + 0xFF ? UInt8(scalar.value - base) : nil
    }

    /// Calls `body` with `path` as a NUL-terminated C string of its raw bytes.
    static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws(SystemCallFailure) -> R)
        throws(SystemCallFailure) -> R {
        var bytes = bytes(of: path)
        bytes.append(0)
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(SystemCallFailure) in try body(raw.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        }
        return try result.get()
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none.
    private static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
            : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
        guard length > 0, i + length <= bytes.count else { return 0 }
        return String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil ? 0 : length
    }
}

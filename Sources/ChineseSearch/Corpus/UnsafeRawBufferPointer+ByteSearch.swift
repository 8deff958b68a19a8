extension UnsafeRawBufferPointer {
    /// The index of the first `byte` in `start..<end`, or nil (wraps `memchr`, so it scans many bytes per step).
    @inline(__always)
    func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = baseAddress,
              let found = System.firstOffset(of: byte, in: base + start, count: end - start) else { return nil }
        return start + found
    }

    /// The end of the line starting at `start`: the index of its "\n", or `count` for the last line.
    @inline(__always)
    func lineEnd(from start: Int) -> Int {
        firstIndex(of: UInt8(ascii: "\n"), from: start, to: count) ?? count
    }

    /// `end` moved back over trailing spaces, tabs and carriage returns of `start..<end`.
    @inline(__always)
    func trimmedEnd(from start: Int, to end: Int) -> Int {
        var end = end
        while end > start, self[end - 1] == 0x20 || self[end - 1] == 0x09 || self[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// `start` moved forward over leading spaces and tabs of `start..<end`.
    @inline(__always)
    func trimmedStart(from start: Int, to end: Int) -> Int {
        var start = start
        while start < end, self[start] == 0x20 || self[start] == 0x09 { start += 1 }
        return start
    }

    /// The UTF-8 text of `start..<end` (which must be valid UTF-8 for the result to match the bytes).
    func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: self[start..<end]), as: UTF8.self)
    }
}

/// The normalized UTF-8 of the word being read: starts in caller-provided (stack) memory and moves to the heap,
/// doubling, only for words longer than that; owned by one `tokenize` call, so analyzers share nothing mutable.
struct WordBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var ownsBase = false

    /// A buffer writing into `initial`, which must outlive it.
    init(initial: UnsafeMutableBufferPointer<UInt8>) {
        base = initial.baseAddress!
        capacity = initial.count
    }

    /// The bytes written since the last `removeAll`.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Appends one byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        if count == capacity { grow() }
        base[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of a scalar.
    @inline(__always)
    mutating func append(scalar value: UInt32) {
        if capacity - count < 4 { grow() }
        let p = base + count
        if value < 0x80 {
            p[0] = UInt8(truncatingIfNeeded: value)
            count += 1
        } else if value < 0x800 {
            p[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            p[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 2
        } else if value < 0x1_0000 {
            p[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            p[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            p[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 3
        } else {
            p[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
            p[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
            p[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            p[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 4
        }
    }

    /// Frees heap memory, if the buffer moved there; call once, at the end of the owning call.
    func release() {
        if ownsBase { base.deallocate() }
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        release()
        base = larger
        capacity *= 2
        ownsBase = true
    }
}

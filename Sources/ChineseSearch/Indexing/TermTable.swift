/// An open-addressing hash table from term to a dense slot number, for one chunk's inversion.
///
/// CJK tokens are keyed by their `CJKKey` (< 2^42). Word tokens are keyed by a 63-bit hash of their bytes with
/// the top bit set, and the bytes are kept in an arena and compared on every hash match, so two words whose
/// hashes collide still get different slots. Linear probing, load ≤ 1/2; O(1) expected per token, no
/// allocation per token (the arrays grow by doubling).
struct TermTable {
    private(set) var keys: [UInt64] = []          // per slot
    private(set) var wordStart: [UInt32] = []     // per slot, into `arena` (words only)
    private(set) var wordLength: [UInt32] = []    // per slot
    private(set) var arena: [UInt8] = []
    /// Per bucket: the key (so a probe touches one cache line) and slot + 1 (0 = empty).
    private var buckets: [Bucket]
    private var mask: Int

    private struct Bucket {
        var key: UInt64 = 0
        var slot: UInt32 = 0
    }

    static let wordFlag: UInt64 = 1 << 63

    init(capacity: Int = 1 << 16) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        buckets = [Bucket](repeating: Bucket(), count: c)
        mask = c - 1
    }

    /// Distinct terms seen.
    var count: Int { keys.count }

    /// Whether slot `slot` holds a word token.
    func isWord(_ slot: Int) -> Bool { keys[slot] & Self.wordFlag != 0 }

    @inline(__always) private static func mix(_ k: UInt64) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    /// The slot of CJK key `key`, inserted when new.
    @inline(__always) mutating func slot(cjk key: UInt64) -> UInt32 {
        var i = Self.mix(key) & mask
        while true {
            let b = buckets[i]
            if b.slot == 0 { return insert(key, bucket: i, word: nil) }
            if b.key == key { return b.slot - 1 }
            i = (i + 1) & mask
        }
    }

    /// The slot of the word `bytes`, inserted when new.
    @inline(__always) mutating func slot(word bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let key = Self.hash(bytes) | Self.wordFlag
        var i = Self.mix(key) & mask
        while true {
            let b = buckets[i]
            if b.slot == 0 { return insert(key, bucket: i, word: bytes) }
            if b.key == key && equalsWord(Int(b.slot - 1), bytes) { return b.slot - 1 }
            i = (i + 1) & mask
        }
    }

    /// The bytes of word slot `slot`.
    func wordBytes(_ slot: Int) -> ArraySlice<UInt8> {
        let start = Int(wordStart[slot])
        return arena[start..<(start + Int(wordLength[slot]))]
    }

    private func equalsWord(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(wordLength[slot]) == bytes.count else { return false }
        let start = Int(wordStart[slot])
        for j in 0..<bytes.count where arena[start + j] != bytes[j] { return false }
        return true
    }

    /// FNV-1a over the bytes, then a final avalanche; 63 bits.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD; h ^= h >> 33
        return h & ~wordFlag
    }

    private mutating func insert(_ key: UInt64, bucket: Int, word: UnsafeBufferPointer<UInt8>?) -> UInt32 {
        let slot = UInt32(keys.count)
        keys.append(key)
        if let word {
            wordStart.append(UInt32(arena.count))
            wordLength.append(UInt32(word.count))
            arena.append(contentsOf: word)
        } else {
            wordStart.append(0)
            wordLength.append(0)
        }
        buckets[bucket] = Bucket(key: key, slot: slot + 1)
        if keys.count * 2 > buckets.count { grow() }
        return slot
    }

    private mutating func grow() {
        let c = buckets.count * 2
        buckets = [Bucket](repeating: Bucket(), count: c)
        mask = c - 1
        for s in 0..<keys.count {
            var i = Self.mix(keys[s]) & mask
            while buckets[i].slot != 0 { i = (i + 1) & mask }
            buckets[i] = Bucket(key: keys[s], slot: UInt32(s + 1))
        }
    }
}

/// The tokens a candidate holds, as bits by token number, with their text parts: summed in token order in
/// O(tokens / 64 + held), whatever order the lists were visited in.
struct PresentTokens {
    private let words: UnsafeMutablePointer<UInt64>
    private let wordCount: Int
    private let parts: UnsafeMutablePointer<Double>

    init(tokens: Int) {
        wordCount = (tokens + 63) / 64
        words = .allocate(capacity: max(1, wordCount))
        words.initialize(repeating: 0, count: max(1, wordCount))
        parts = .allocate(capacity: max(1, tokens))
    }

    func deallocate() {
        words.deallocate()
        parts.deallocate()
    }

    /// Notes that the candidate holds token `t` with text part `part`; returns `part`.
    @inline(__always) mutating func note(_ t: Int, _ part: Double) -> Double {
        words[t >> 6] |= 1 << UInt64(t & 63)
        parts[t] = part
        return part
    }

    /// The candidate's score: `add(t, part, &sum)` for each held token in ascending order.
    @inline(__always) func score(_ add: (Int, Double, inout Double) -> Void) -> Double {
        var sum = 0.0
        for w in 0..<wordCount {
            var bits = words[w]
            while bits != 0 {
                let t = w << 6 | bits.trailingZeroBitCount
                add(t, parts[t], &sum)
                bits &= bits - 1
            }
        }
        return sum
    }

    /// Forgets the candidate's tokens.
    @inline(__always) mutating func clear() {
        // One word is the common case (up to 64 tokens); a loop would become a call to memset per candidate.
        if wordCount == 1 {
            words[0] = 0
        } else {
            for w in 0..<wordCount { words[w] = 0 }
        }
    }
}

/// Deterministic random text for comparing the analyzer with the reference tokenizer.
struct RandomText {
    /// SplitMix64: small, seeded, the same on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// Scalar ranges the texts draw from: what Chinese pages contain, and the exotic cases folding must handle.
    static let pools: [ClosedRange<UInt32>] = [
        0x4E00...0x9FFF, 0x4E00...0x4FFF, 0x570B...0x570B, 0x969B...0x969B, 0x8AAA...0x8AAA,  // Han, 國 際 說
        0x3400...0x4DBF, 0x2_0000...0x2_A6DF, 0x3_0000...0x3_134F,  // extensions A, B, G
        0xF900...0xFAFF, 0x2_F800...0x2_FA1F, 0x2F00...0x2FD5,      // compatibility ideographs, Kangxi radicals
        0x82CE...0x82CE, 0x82E7...0x82E7, 0x85B4...0x85B4,          // ICU's cycle 苎 苧 薴
        0x3005...0x3007, 0x3000...0x303F,                           // 々 〆 〇, CJK punctuation, ideographic space
        0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF61...0xFF9F,  // kana, half-width katakana
        0x3099...0x309C, 0xFF9E...0xFF9F,                           // voicing marks
        0xAC00...0xD7A3, 0x1100...0x11FF, 0x3131...0x318E, 0xFFA0...0xFFDC,  // Hangul syllables and jamo
        0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x20...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E,  // ASCII
        0x09...0x0D, 0x00...0x1F,                                   // whitespace and controls
        0xC0...0xFF, 0x100...0x17F, 0x180...0x24F, 0x1E00...0x1EFF, // Latin with accents
        0x300...0x36F, 0x1AB0...0x1ACE, 0x20D0...0x20F0,            // combining marks
        0x1_0400...0x1_044F, 0x1_0000...0x1_005D, 0x1_1080...0x1_10C2,  // Deseret (cased), Linear B, Kaithi (composes)
        0x391...0x3C9, 0x400...0x45F, 0x5D0...0x5EA, 0x620...0x64A, 0x900...0x97F, 0xE00...0xE5B,  // other scripts
        0xFF01...0xFF5E, 0xFFE0...0xFFEE,                           // full-width forms
        0x2460...0x24FF, 0x3200...0x33FF, 0x2160...0x2188, 0xFB00...0xFB06, 0xFDFA...0xFDFA,  // compatibility
        0x1D400...0x1D7FF, 0x1F100...0x1F1FF,                       // mathematical alphanumerics, enclosed
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x200D...0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF,  // emoji, joiners
        0x130...0x130, 0x1E9E...0x1E9E, 0x3A3...0x3A3, 0x2126...0x2126, 0x212A...0x212B,  // İ ẞ Σ Ω K Å
        0xE000...0xE0FF, 0xFFFD...0xFFFD, 0xFFF0...0xFFFF, 0x10FFF0...0x10FFFF,  // private use, specials
    ]

    /// A string of up to `maxScalars` scalars, in short stretches from one pool each so runs form.
    mutating func string(maxScalars: Int) -> String {
        var text = ""
        let target = below(maxScalars + 1)
        while text.unicodeScalars.count < target {
            if below(12) == 0 {
                // A composition the analyzer must do itself: kana + voicing mark, or Hangul LV syllable + final jamo.
                let (first, second): (UInt32, UInt32) = below(2) == 0
                    ? (pick([0x304B, 0x306F, 0x30AB, 0x30CF, 0x30A6, 0x3046]) + UInt32(below(3)), pick([0x3099, 0x309A]))
                    : (0xAC00 + 28 * UInt32(below(399)), 0x11A8 + UInt32(below(27)))
                text.unicodeScalars.append(Unicode.Scalar(first)!)
                text.unicodeScalars.append(Unicode.Scalar(second)!)
                continue
            }
            let pool = pick(RandomText.pools)
            for _ in 0...below(4) {
                let value = pool.lowerBound + UInt32(below(Int(pool.upperBound - pool.lowerBound) + 1))
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
        }
        return text
    }

    /// UTF-8 of a random string with some bytes broken: dropped, replaced, or inserted.
    mutating func brokenUTF8(maxScalars: Int) -> [UInt8] {
        var bytes = Array(string(maxScalars: maxScalars).utf8)
        for _ in 0..<below(4) where !bytes.isEmpty {
            let index = below(bytes.count)
            switch below(4) {
            case 0: bytes.remove(at: index)
            case 1: bytes[index] = UInt8(truncatingIfNeeded: next())
            case 2: bytes.insert(pick([0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]), at: index)
            default: bytes.insert(contentsOf: pick([[0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]]), at: index)
            }
        }
        return bytes
    }
}

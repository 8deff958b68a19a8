/// What a normalized scalar contributes to the token stream.
///
/// Classification runs after folding, so it sees 国 rather than 國 and `a` rather than `Ａ`.
enum ScalarClass: UInt32 {
    /// Ends any run and emits nothing: spaces, punctuation, symbols, emoji, controls, U+FFFD, unassigned.
    case separator = 0
    /// A combining mark (Mn, Mc, Me) that is not a letter: part of a word it follows, else a separator.
    case mark = 1
    /// A letter or digit of a non-CJK script (`Character.isLetter` / `isNumber` on the scalar).
    case word = 2
    /// A character that is bigrammed: Han ideographs, 〇 and 々, kana letters, Hangul syllables.
    case cjk = 3

    /// The class's bits in a `FoldingTable` entry.
    var entryBits: UInt32 { rawValue << FoldingTable.classShift }

    /// Classifies one normalized scalar from the Unicode properties of the running Swift standard library.
    init(of value: UInt32) {
        if ScalarClass.isCJK(value) {
            self = .cjk
            return
        }
        guard let scalar = Unicode.Scalar(value) else {
            self = .separator
            return
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            self = .word
            return
        }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: self = .mark
        default: self = .separator
        }
    }

    /// Whether a scalar is bigrammed. 々 (U+3005) counts as CJK, beside the 〇 of the specification: it is a Han
    /// letter that repeats the ideograph before it (人々), and as a word of its own it would split the run.
    private static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3005, 0x3007,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,   // Han: extension A, unified, compatibility
             0x2_0000...0x3_FFFF,                                 // Han: the ideographic planes, extensions B–J
             0xAC00...0xD7A3:                                     // Hangul syllables
            return true
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x1_B000...0x1_B16F:  // kana blocks: their letters, not ・ or ゠
            return Unicode.Scalar(value)!.properties.isAlphabetic
        default:
            return false
        }
    }
}

/// What a normalized scalar contributes to the token stream.
///
/// Classification runs after folding, so it sees 国 rather than 國 and `a` rather than `Ａ`. The class of every
/// scalar is computed by `Scripts/generate-folding-table.swift` (function `scalarClass`) and stored in the table.
enum ScalarClass: UInt32 {
    /// Ends any run and emits nothing: spaces, punctuation, symbols, emoji, controls, U+FFFD, unassigned.
    case separator = 0
    /// A combining mark (Mn, Mc, Me) that is not a letter: part of a word it follows, else a separator.
    case mark = 1
    /// A letter or digit of a non-CJK script (`Character.isLetter` / `isNumber` on the scalar).
    case word = 2
    /// A character that is bigrammed: Han ideographs (blocks, and planes 2 and 3), 〇, 々, kana letters, Hangul
    /// syllables. 々 (U+3005) counts beside the specification's 〇: it is a Han letter repeating the ideograph
    /// before it (人々), and as a word of its own it would split the run.
    case cjk = 3

    /// The class's bits in a `FoldingTable` entry.
    var entryBits: UInt32 { rawValue << FoldingTable.classShift }
}

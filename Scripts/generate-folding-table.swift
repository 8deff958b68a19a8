// Generates Sources/ChineseSearch/Analysis/FoldingTable+Data.swift, the per-scalar data of the analyzer.
//
// Run from the repository root:   swift Scripts/generate-folding-table.swift [OUTPUT]
// It takes about half a minute and needs Foundation with ICU (Linux, or macOS). Run it again when the
// normalization or classification rules below change, or to move to a newer Unicode version; then run the tests.
//
// For every Unicode scalar it writes:
// - fold(s) = Hant-Hans(lowercased(NFKC(s))), repeated until the scalars no longer change (on one of ICU's few
//   cycles, such as 苎 → 苧 → 苎, the smallest string of the cycle), wherever fold(s) ≠ s;
// - its class (separator, mark, word, CJK; see `ScalarClass`) and whether it is *composing*: canonical
//   composition may join it to the scalar before it (canonical combining class ≠ 0, or NFC_Quick_Check = Maybe),
//   which tells the analyzer when a word needs the slow NFKC path;
// - the kana + voicing-mark compositions (か + ゙ → が) that the analyzer applies itself, so that CJK text never
//   needs Foundation.
// Generating the classes here, rather than asking the standard library at run time, pins the token stream (and so
// the index format) to one Unicode version on every platform, and keeps start-up to a table fill.
import Foundation

let outputPath = CommandLine.arguments.dropFirst().first ?? "Sources/ChineseSearch/Analysis/FoldingTable+Data.swift"
let hantToHans = StringTransform("Hant-Hans")
// Normalization goes through ICU's transforms, not `precomposedStringWith…Mapping`: on Linux those compose a
// supplementary starter as if it were its low 16 bits (U+10041 + ◌́ → Á, U+2304B + ◌゙ → が).
let nfkc = StringTransform("Any-NFKC")
let nfc = StringTransform("Any-NFC")
let nfd = StringTransform("Any-NFD")

func scalars(_ string: String) -> [UInt32] { string.unicodeScalars.map(\.value) }
func string(_ values: [UInt32]) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: values.map { Unicode.Scalar($0)! })
    return result
}
func hex(_ values: [UInt32]) -> String { values.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ") }

/// One step of the analyzer's normalization chain: NFKC, then lowercase, then traditional → simplified.
func foldStep(_ values: [UInt32]) -> [UInt32] {
    let lowered = string(values).applyingTransform(nfkc, reverse: false)!.lowercased()
    return scalars(lowered.applyingTransform(hantToHans, reverse: false) ?? lowered)
}

/// Applies `foldStep` until the scalars stop changing; on a cycle, the smallest member, so folding is idempotent.
/// (Scalars, not `String`s, are compared: `String` equality is canonical equivalence, so 更 U+F901 == 更 U+66F4.)
func fold(_ values: [UInt32]) -> [UInt32] {
    var seen = [values]
    while true {
        let next = foldStep(seen.last!)
        if next == seen.last! { return next }
        if let cycleStart = seen.firstIndex(of: next) { return seen[cycleStart...].min { $0.lexicographicallyPrecedes($1) }! }
        seen.append(next)
    }
}

/// The class of a normalized scalar, as `ScalarClass` numbers them: separator 0, mark 1, word 2, CJK 3.
///
/// CJK: the Han blocks and the ideographic planes 2 and 3 (extensions B to J), 〇 U+3007 and 々 U+3005, the letters
/// of the kana blocks (not ・ or ゠), Hangul syllables. Word: other letters and digits, as `Character.isLetter` and
/// `isNumber` see a lone scalar. Mark: Mn, Mc, Me that are not letters. Separator: everything else.
func scalarClass(_ scalar: Unicode.Scalar) -> UInt32 {
    let properties = scalar.properties
    switch scalar.value {
    case 0x3005, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2_0000...0x3_FFFF, 0xAC00...0xD7A3:
        return 3
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0x1_B000...0x1_B16F:
        if properties.isAlphabetic { return 3 }
    default:
        break
    }
    if properties.isAlphabetic || properties.numericType != nil { return 2 }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return 1
    default: return 0
    }
}

var mappingLines: [String] = []
var composing = Set<UInt32>()
var kanaLines: [String] = []
var unstable: [String] = []
for value in UInt32(0)...0x10FFFF {
    guard let scalar = Unicode.Scalar(value) else { continue }
    let folded = fold([value])
    if fold(folded) != folded { unstable.append(hex([value])) }
    if folded != [value] { mappingLines.append(hex([value] + folded)) }

    if scalar.properties.canonicalCombiningClass.rawValue != 0 { composing.insert(value) }
    let decomposed = scalars(String(scalar).applyingTransform(nfd, reverse: false)!)
    if decomposed.count > 1 { composing.formUnion(decomposed.dropFirst()) }
    if scalarClass(scalar) == 3 {
        for mark: UInt32 in [0x3099, 0x309A] {
            let composed = scalars(string([value, mark]).applyingTransform(nfc, reverse: false)!)
            if composed.count == 1 { kanaLines.append(hex([value, mark, composed[0]])) }
        }
    }
}
if !unstable.isEmpty { FileHandle.standardError.write(Data("warning: folding not idempotent for \(unstable.joined(separator: ", "))\n".utf8)) }

// Class and composing flag of every scalar, as ranges: one line where the pair changes. Surrogates are separators.
var classLines: [String] = []
var previousBits: UInt32 = .max
for value in UInt32(0)...0x10FFFF {
    let bits = Unicode.Scalar(value).map { scalarClass($0) | (composing.contains(value) ? 4 : 0) } ?? 0
    if bits != previousBits { classLines.append(hex([value, bits])) }
    previousBits = bits
}

func literal(_ lines: [String]) -> String {
    "\"\"\"\n" + lines.map { "    " + $0 + "\n" }.joined() + "    \"\"\""
}

let source = """
// Generated by Scripts/generate-folding-table.swift — do not edit by hand; run the script again instead.
// \(mappingLines.count) folded scalars, \(classLines.count) class ranges, \(kanaLines.count) kana compositions.

extension FoldingTable {
    /// Every scalar whose fold differs from itself: "SOURCE TARGET…" in hexadecimal, one per line, ascending.
    ///
    /// fold(s) = Hant-Hans(lowercased(NFKC(s))), repeated to a fixed point (on a cycle, its smallest member).
    static let foldedScalarLines = \(literal(mappingLines))

    /// Class and composing flag of every scalar, as ranges: "FIRST BITS" in hexadecimal, ascending, each range
    /// running to the next line's FIRST. BITS = class (separator 0, mark 1, word 2, CJK 3) + 4 if composing.
    static let scalarClassLines = \(literal(classLines))

    /// Kana followed by a voicing mark that NFC composes: "KANA MARK COMPOSITE" in hexadecimal, one per line.
    static let kanaCompositionLines = \(literal(kanaLines))
}

"""
try! source.write(toFile: outputPath, atomically: true, encoding: .utf8)
print("wrote \(outputPath): \(mappingLines.count) folded scalars, \(classLines.count) class ranges, \(kanaLines.count) kana compositions")

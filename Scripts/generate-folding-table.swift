// Generates Sources/ChineseSearch/Analysis/FoldingTable+Data.swift, the per-scalar data of the analyzer.
//
// Run from the repository root:   swift Scripts/generate-folding-table.swift [OUTPUT]
// It takes about half a minute and needs Foundation with ICU (Linux, or macOS). Run it again when the
// normalization or classification rules below change, or to move to a newer Unicode version; then run the tests.
//
// For every Unicode scalar it computes:
// - fold(s) = Hant-Hans(lowercased(NFKC(s))), repeated until the scalars no longer change (on one of ICU's few
//   cycles, such as 苎 → 苧 → 苎, the smallest string of the cycle), wherever fold(s) ≠ s;
// - its class (separator, mark, word, CJK; see `ScalarClass`) and whether it is *composing*: canonical
//   composition may join it to the scalar before it (canonical combining class ≠ 0, or NFC_Quick_Check = Maybe),
//   which tells the analyzer when a word needs the slow NFKC path;
// - the kana + voicing-mark compositions (か + ゙ → が) that the analyzer applies itself, so that CJK text never
//   needs Foundation.
// Generating the classes here, rather than asking the standard library at run time, pins the token stream (and so
// the index format) to one Unicode version on every platform.
//
// It writes the tables `FoldingTable` reads, already built (the BMP entries, the sequence pool, the folded
// supplementary scalars, the class ranges, the kana compositions, the ASCII folds), as string literals of 7-bit
// bytes (`TableUnits`), so that a process builds nothing at run time.
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

var mappings: [(source: UInt32, targets: [UInt32])] = []
var composing = Set<UInt32>()
var kanaCompositions: [(kana: UInt32, mark: UInt32, composite: UInt32)] = []
var unstable: [UInt32] = []
for value in UInt32(0)...0x10FFFF {
    guard let scalar = Unicode.Scalar(value) else { continue }
    let folded = fold([value])
    if fold(folded) != folded { unstable.append(value) }
    if folded != [value] { mappings.append((value, folded)) }

    if scalar.properties.canonicalCombiningClass.rawValue != 0 { composing.insert(value) }
    let decomposed = scalars(String(scalar).applyingTransform(nfd, reverse: false)!)
    if decomposed.count > 1 { composing.formUnion(decomposed.dropFirst()) }
    if scalarClass(scalar) == 3 {
        for mark: UInt32 in [0x3099, 0x309A] {
            let composed = scalars(string([value, mark]).applyingTransform(nfc, reverse: false)!)
            if composed.count == 1 { kanaCompositions.append((value, mark, composed[0])) }
        }
    }
}
if !unstable.isEmpty {
    let list = unstable.map { String($0, radix: 16, uppercase: true) }.joined(separator: ", ")
    FileHandle.standardError.write(Data("warning: folding not idempotent for \(list)\n".utf8))
}

// Class and composing flag of every scalar, as ranges: one where the pair changes. Surrogates are separators.
// bits = class (separator 0, mark 1, word 2, CJK 3) + 4 if composing.
var classRanges: [(first: UInt32, bits: UInt32)] = []
for value in UInt32(0)...0x10FFFF {
    let bits = Unicode.Scalar(value).map { scalarClass($0) | (composing.contains(value) ? 4 : 0) } ?? 0
    if bits != classRanges.last?.bits { classRanges.append((value, bits)) }
}

// The entries, laid out as `FoldingTable` documents them.
let classShift: UInt32 = 21
let sequenceFlag: UInt32 = 1 << 24
let lengthShift: UInt32 = 16

/// The class and composing bits of a scalar, in entry position: those of the last range starting at or before it.
func entryBits(_ value: UInt32) -> UInt32 {
    var low = 0
    var high = classRanges.count
    while low < high {
        let middle = (low + high) >> 1
        if classRanges[middle].first <= value { low = middle + 1 } else { high = middle }
    }
    return classRanges[low - 1].bits << classShift
}

// Every scalar stands for itself, then the folded ones are overwritten. Targets are fixed points of folding, so
// their own entries are their identity entries.
var bmp = (UInt32(0)..<0x1_0000).map { $0 | entryBits($0) }
var pool: [UInt32] = []
var supplementary: [(scalar: UInt32, entry: UInt32)] = []
for (source, targets) in mappings {
    let entries = targets.map { $0 | entryBits($0) }
    var entry = entries[0]
    if entries.count > 1 {
        precondition(pool.count + entries.count <= 1 << lengthShift && entries.count < 32, "the sequence pool outgrew its entry bits")
        entry = UInt32(pool.count) | UInt32(entries.count) << lengthShift | sequenceFlag
        pool.append(contentsOf: entries)
    }
    if source < 0x1_0000 { bmp[Int(source)] = entry } else { supplementary.append((source, entry)) }
}
// For each byte: the fold of an ASCII letter or digit, 0 for other ASCII, 0x7F (the largest 7-bit byte) for ≥ 0x80.
// (A word entry with no composing or sequence bit: the fold is one ASCII scalar.)
let asciiFolds: [UInt8] = (0..<256).map { byte in
    guard byte < 0x80 else { return 0x7F }
    return bmp[byte] & 0xF << classShift == 2 << classShift ? UInt8(bmp[byte] & 0x7F) : 0
}

/// A value as a unit (`TableUnits`): four bytes of 7 bits, low first, each XOR 0x40.
func unitBytes(_ value: UInt32) -> [UInt8] {
    precondition(value < 1 << 28, "a unit holds 28 bits")
    return (0..<4).map { UInt8(truncatingIfNeeded: value >> (7 * $0) & 0x7F) ^ 0x40 }
}

/// Bytes as the body of a multi-line string literal: `bytesPerLine` a line, each line but the last ending in a
/// backslash (no line break in the value), 7-bit bytes escaped where the lexer needs it.
func literal(_ bytes: [UInt8], bytesPerLine: Int) -> String {
    func escaped(_ byte: UInt8) -> String {
        switch byte {
        case 0: return "\\0"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0..<0x20, 0x7F: return "\\u{" + String(byte, radix: 16, uppercase: true) + "}"
        default: return String(UnicodeScalar(byte))
        }
    }
    precondition(bytes.allSatisfy { $0 < 0x80 }, "a literal holds 7-bit bytes")
    let lines = stride(from: 0, to: bytes.count, by: bytesPerLine).map { start in
        "        " + bytes[start..<min(start + bytesPerLine, bytes.count)].map(escaped).joined()
    }
    return "\"\"\"\n" + lines.joined(separator: "\\\n") + "\n        \"\"\""
}

func units(_ values: [UInt32]) -> String { literal(values.flatMap(unitBytes), bytesPerLine: 128) }

// BMP units hold entry XOR scalar: a scalar that folds to itself stores only its class bits.
let bmpUnits = units(bmp.enumerated().map { $0.element ^ UInt32($0.offset) })
let supplementaryUnits = units(supplementary.flatMap { [$0.scalar, $0.entry] })
let classUnits = units(classRanges.flatMap { [$0.first, $0.bits] })
let kanaUnits = units(kanaCompositions.flatMap { [$0.kana, $0.mark, $0.composite] })

let source = """
// Generated by Scripts/generate-folding-table.swift — do not edit by hand; run the script again instead.
// \(mappings.count) folded scalars (\(supplementary.count) supplementary, \(pool.count) sequence entries), \
\(classRanges.count) class ranges, \(kanaCompositions.count) kana compositions.
// Each literal is read through `TableUnits` (a value in four bytes), but `asciiFoldBytes` (a byte a value).
// The getters are never inlined: the optimizer compiles each source file to its own object, and every file that
// inlined one would carry its own copy of the literal.

extension FoldingTable {
    /// The entry of every BMP scalar XOR the scalar, indexed by scalar value: a scalar that folds to itself
    /// (the most of them) stores its class and composing bits only (surrogates are separators).
    ///
    /// fold(s) = Hant-Hans(lowercased(NFKC(s))), repeated to a fixed point (on a cycle, its smallest member).
    @inline(never) static var bmpUnits: StaticString { \(bmpUnits) }

    /// The entries of the multi-scalar folds, which sequence entries point into.
    @inline(never) static var sequenceUnits: StaticString { \(units(pool)) }

    /// Every supplementary scalar whose fold differs from itself and its entry: pairs (scalar, entry), ascending.
    @inline(never) static var supplementaryUnits: StaticString { \(supplementaryUnits) }

    /// Class and composing flag of every scalar, as ranges: pairs (first, bits), ascending, each range running to
    /// the next one's first. bits = class (separator 0, mark 1, word 2, CJK 3) + 4 if composing.
    @inline(never) static var classRangeUnits: StaticString { \(classUnits) }

    /// Kana followed by a voicing mark that NFC composes: triples (kana, mark, composite), ascending.
    @inline(never) static var kanaCompositionUnits: StaticString { \(kanaUnits) }

    /// For each byte value: the fold of an ASCII letter or digit (its lowercase), 0 for other ASCII bytes, 0x7F for
    /// bytes ≥ 0x80; one byte each.
    @inline(never) static var asciiFoldBytes: StaticString { \(literal(asciiFolds, bytesPerLine: 64)) }
}

"""
try! source.write(toFile: outputPath, atomically: true, encoding: .utf8)
print("wrote \(outputPath): \(mappings.count) folded scalars, \(classRanges.count) class ranges, \(kanaCompositions.count) kana compositions")

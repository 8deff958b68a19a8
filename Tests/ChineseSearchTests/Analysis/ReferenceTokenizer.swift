import Foundation
import ChineseSearch

/// A deliberately simple tokenizer that follows the token-stream specification step by step with plain
/// `String` / `Unicode.Scalar` code and Foundation, to check `Analyzer` against. Slow; one instance per test.
///
/// It shares no code with the analyzer: decoding uses the standard library's UTF-8 parser, folding calls
/// Foundation's NFKC, `lowercased()` and ICU's Hant-Hans transform per character, classification uses
/// `Character.isLetter` / `isNumber`, composition after CJK calls Foundation's NFC. (The analyzer's table pins
/// classes to the generator's Unicode version; a newer standard library may make this reference disagree on new
/// characters, which means: run Scripts/generate-folding-table.swift again.)
final class ReferenceTokenizer {
    /// A scalar after folding, with the bytes of the source scalar it came from.
    private struct Normalized {
        var scalar: Unicode.Scalar
        var start: Int
        var end: Int
    }

    private var foldCache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    private let hantToHans = StringTransform("Hant-Hans")
    // ICU's normalization transforms, not `precomposedStringWith…Mapping`: on Linux those compose a supplementary
    // starter as if it were its low 16 bits (U+10041 + ◌́ → Á).
    private let nfkc = StringTransform("Any-NFKC")
    private let nfc = StringTransform("Any-NFC")

    /// The tokens of UTF-8 bytes, positions from `firstPosition`. `scalarRange` is not computed (empty).
    func tokens(of bytes: [UInt8], firstPosition: Int = 0) -> [AnalyzedToken] {
        // 1. Decode; an invalid sequence is one U+FFFD.
        var decoded: [Normalized] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                decoded.append(Normalized(scalar: Unicode.UTF8.decode(encoded), start: offset, end: offset + encoded.count))
                offset += encoded.count
            case .error(let length):
                decoded.append(Normalized(scalar: "\u{FFFD}", start: offset, end: offset + length))
                offset += length
            case .emptyInput:
                break parsing
            }
        }

        // 2. Fold each scalar; a CJK character absorbs a following scalar that NFC composes with it (か + ゙ → が).
        var normalized: [Normalized] = []
        for source in decoded {
            for scalar in fold(source.scalar) {
                if let last = normalized.last, isCJK(last.scalar),
                   case let composed = Array((String(last.scalar) + String(scalar)).applyingTransform(nfc, reverse: false)!.unicodeScalars),
                   composed.count == 1 {
                    normalized[normalized.count - 1].scalar = composed[0]
                    normalized[normalized.count - 1].end = source.end
                } else {
                    normalized.append(Normalized(scalar: scalar, start: source.start, end: source.end))
                }
            }
        }

        // 3 and 4. Classify and cut into runs.
        var tokens: [AnalyzedToken] = []
        var position = firstPosition
        var cjkRun: [Normalized] = []
        var wordRun: [Normalized] = []
        func endRuns() {
            for (index, character) in cjkRun.enumerated() {
                if index + 1 < cjkRun.count {
                    let next = cjkRun[index + 1]
                    tokens.append(token(String(character.scalar) + String(next.scalar), .bigram, &position,
                                        character.start..<next.end, key: UInt64(character.scalar.value) << 21 | UInt64(next.scalar.value)))
                } else {
                    tokens.append(token(String(character.scalar), .end, &position, character.start..<character.end,
                                        key: UInt64(character.scalar.value) << 21))
                }
            }
            if !wordRun.isEmpty {
                var text = ""
                text.unicodeScalars.append(contentsOf: wordRun.map(\.scalar))
                tokens.append(token(text.applyingTransform(nfkc, reverse: false)!.lowercased(), .word, &position,
                                    wordRun.first!.start..<wordRun.last!.end, key: nil))
            }
            cjkRun = []
            wordRun = []
        }
        for character in normalized {
            if isCJK(character.scalar) {
                if !wordRun.isEmpty { endRuns() }
                cjkRun.append(character)
            } else if Character(character.scalar).isLetter || Character(character.scalar).isNumber
                        || (!wordRun.isEmpty && isMark(character.scalar)) {
                if !cjkRun.isEmpty { endRuns() }
                wordRun.append(character)
            } else {
                endRuns()
            }
        }
        endRuns()
        return tokens
    }

    private func token(_ text: String, _ kind: TokenKind, _ position: inout Int, _ bytes: Range<Int>, key: UInt64?) -> AnalyzedToken {
        defer { position += 1 }
        return AnalyzedToken(text: text, kind: kind, position: position, utf8Range: bytes, scalarRange: 0..<0, key: key)
    }

    /// NFKC, lowercase, then Hant-Hans per character, repeated until nothing changes; where ICU's mappings form
    /// a cycle (苎 → 苧 → 苎) the smallest string of the cycle, as the analyzer's generated table has it.
    private func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let cached = foldCache[scalar] { return cached }
        // Compared as scalar arrays: `String` equality is canonical equivalence, and 更 U+F901 == 更 U+66F4.
        var seen: [[Unicode.Scalar]] = [[scalar]]
        var result: [Unicode.Scalar]
        while true {
            var text = ""
            text.unicodeScalars.append(contentsOf: seen.last!)
            var next = ""
            for character in text.applyingTransform(nfkc, reverse: false)!.lowercased() {
                next += String(character).applyingTransform(hantToHans, reverse: false) ?? String(character)
            }
            let nextScalars = Array(next.unicodeScalars)
            if nextScalars == seen.last! {
                result = nextScalars
                break
            }
            if let cycleStart = seen.firstIndex(of: nextScalars) {
                result = seen[cycleStart...].min { $0.lexicographicallyPrecedes($1) { $0.value < $1.value } }!
                break
            }
            seen.append(nextScalars)
        }
        foldCache[scalar] = result
        return result
    }

    /// The specification's CJK set, written out: Han blocks and planes, 〇, 々, kana letters, Hangul syllables.
    private func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x3005 || v == 0x3007 { return true }
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) { return true }
        if (0x20000...0x3FFFF).contains(v) || (0xAC00...0xD7A3).contains(v) { return true }
        let kanaBlock = (0x3040...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0x1B000...0x1B16F).contains(v)
        return kanaBlock && Character(scalar).isLetter
    }

    private func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

import Foundation

extension FoldingTable {
    /// The normal form the tokenizer gives `text`: each scalar folded by the table (NFKC mapping, lowercase,
    /// traditional → simplified); when a folded scalar is composing (e + ◌́), NFKC of the whole folded text
    /// through Foundation's ICU transform, folded again. (Not `precomposedStringWithCompatibilityMapping`: on
    /// Linux it composes a supplementary starter as if it were its low 16 bits, U+10041 + ◌́ → Á.)
    /// O(length); allocates the result.
    static func normalizedText(_ text: String) -> String {
        let (folded, composing) = foldScalars(of: text)
        guard composing else { return folded }
        let composed = folded.applyingTransform(StringTransform("Any-NFKC"), reverse: false) ?? folded
        return foldScalars(of: composed).folded
    }

    /// `text` folded scalar by scalar, and whether some folded scalar is composing.
    private static func foldScalars(of text: String) -> (folded: String, composing: Bool) {
        var folded = String.UnicodeScalarView()
        var composing = false
        func append(_ entry: UInt32) {
            composing = composing || entry & FoldingTable.composingFlag != 0
            folded.append(Unicode.Scalar(entry & FoldingTable.scalarMask)!)
        }
        for scalar in text.unicodeScalars {
            let entry = FoldingTable.entry(of: scalar.value)
            if entry & FoldingTable.sequenceFlag == 0 {
                append(entry)
            } else {
                for index in FoldingTable.sequenceRange(entry) { append(FoldingTable.sequenceEntry(index)) }
            }
        }
        return (String(folded), composing)
    }
}

import Foundation

/// Okapi BM25 with its two parameters, exact to the formula; a value type usable without any index.
///
/// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))` and
/// `score = idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · len / avglen))`, in Double.
public struct BM25: Sendable, Equatable, Hashable {
    /// Term-frequency saturation (default 1.2).
    public var k1: Double
    /// Length normalization, 0…1 (default 0.75).
    public var b: Double

    /// BM25 with the given parameters.
    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Inverse document frequency of a token in `df` of `documentCount` documents.
    @inline(__always) public func idf(documentFrequency df: Int, documentCount n: Int) -> Double {
        log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// The tf part of the formula (without idf) for a field of `length` tokens.
    @inline(__always) public func termWeight(tf: Double, length: Double, averageLength: Double) -> Double {
        termWeight(tf: tf, lengthFactor: lengthFactor(length: length, averageLength: averageLength))
    }

    /// The length part of the formula, `k1 · (1 − b + b · len / avglen)`: one value per document and field,
    /// computed once for all the tokens of a query.
    @inline(__always) func lengthFactor(length: Double, averageLength: Double) -> Double {
        let norm = averageLength > 0 ? length / averageLength : 0
        return k1 * (1 - b + b * norm)
    }

    /// The tf part of the formula given the field's `lengthFactor`: the same operations as
    /// `termWeight(tf:length:averageLength:)`, so the same bits.
    @inline(__always) func termWeight(tf: Double, lengthFactor: Double) -> Double {
        tf * (k1 + 1) / (tf + lengthFactor)
    }

    /// The full contribution of one token to one field's score.
    @inline(__always) public func score(tf: Double, idf: Double, length: Double, averageLength: Double) -> Double {
        idf * termWeight(tf: tf, length: length, averageLength: averageLength)
    }
}

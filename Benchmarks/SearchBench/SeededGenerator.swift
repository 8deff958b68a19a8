// Measures nothing: the seeded random source behind the corpus and query generators.
// Same seed, same stream on every machine and Swift version (no SystemRandomNumberGenerator).
// Watch: any change here changes every generated corpus and query set; bump the corpus version in README.

/// SplitMix64 (Steele, Lea, Flood 2014): turns one 64-bit seed into a well-mixed stream; used to seed `Xoshiro256`.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A 64-bit value mixed from a seed and a stream index: the seed of document `index`.
    static func mix(_ seed: UInt64, _ index: UInt64) -> UInt64 {
        var s = SplitMix64(seed: seed ^ (index &* 0xD6E8_FEB8_6659_FD93))
        _ = s.next()
        return s.next()
    }
}

/// xoshiro256** (Blackman, Vigna 2018): the generator every sampler draws from; 4 words of state, no allocation.
struct Xoshiro256: RandomNumberGenerator {
    var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    @inline(__always) mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in 0..<bound (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in the closed range.
    @inline(__always) mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

    /// A uniform Double in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box–Muller; one of the pair is dropped to keep the state small).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60), u2 = unit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

/// Vose's alias table: O(1) draws from a fixed discrete distribution (here, word frequencies).
struct AliasTable: Sendable {
    private let probability: [Double]
    private let alias: [Int32]
    var count: Int { probability.count }

    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var probability = [Double](repeating: 1, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small: [Int] = [], large: [Int] = []
        for (i, p) in scaled.enumerated() { if p < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            probability[s] = scaled[s]
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        for i in small + large { probability[i] = 1; alias[i] = Int32(i) }
        self.probability = probability
        self.alias = alias
    }

    @inline(__always) func sample(_ rng: inout Xoshiro256) -> Int {
        let i = rng.below(probability.count)
        return rng.unit() < probability[i] ? i : Int(alias[i])
    }
}

import Foundation
private func _log(_ x: Double) -> Double { Foundation.log(x) }
private func _cos(_ x: Double) -> Double { Foundation.cos(x) }

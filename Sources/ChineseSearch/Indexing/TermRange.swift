/// A place in the merge's term order (CJK tokens by key, then words by bytes): the first term at or after it.
enum TermBound: Equatable {
    case cjk(UInt64)
    case word([UInt8])

    /// The bound just before the current term of `reader`; for a CJK token, before every token of its first
    /// character, so a range never cuts a character's tokens (their single-character list sums them all).
    init(before reader: RunTermReader) {
        self = reader.isWord ? .word(Array(reader.word)) : .cjk(CJKKey.make(CJKKey.first(reader.key), 0))
    }

    /// Whether `reader`'s current term comes before this bound.
    func follows(_ reader: RunTermReader) -> Bool {
        switch self {
        case .cjk(let key): return !reader.isWord && reader.key < key
        case .word(let bytes): return !reader.isWord || bytes.withUnsafeBytes { compareBytes(reader.word, $0) < 0 }
        }
    }
}

/// The terms from `lower` (nil: the first) up to but not including `upper` (nil: past the last): the part of
/// the merge one worker does. Ranges of a plan are consecutive and cover every term once.
struct TermRange {
    var lower: TermBound?
    var upper: TermBound?

    /// Up to `parts` consecutive ranges over the terms of `runs`, of about equal run bytes each (measured at the
    /// runs' checkpoints), cut only between characters or between words. O(runs² · parts · log checkpoints).
    static func plan(_ runs: [Run], parts: Int) -> [TermRange] {
        guard parts > 1 else { return [TermRange()] }
        // Candidate bounds: the terms at up to 8 checkpoints a part of every run.
        var candidates: [TermBound] = []
        for run in runs where !run.checkpoints.isEmpty {
            let step = max(1, run.checkpoints.count / (8 * parts))
            for c in stride(from: 0, to: run.checkpoints.count, by: step) {
                candidates.append(TermBound(before: RunTermReader(run: run, checkpoint: c)))
            }
        }
        // Each candidate with the run bytes before it, ascending with the bound.
        let total = runs.reduce(0) { $0 + $1.terms.count }
        var weighed = candidates.map { bound in (bound, runs.reduce(0) { $0 + bytesBefore(bound, in: $1) }) }
        weighed.sort { $0.1 < $1.1 }
        var bounds: [TermBound] = []
        var lastBytes = 0
        for p in 1..<parts {
            let target = total * p / parts
            guard let best = weighed.min(by: { abs($0.1 - target) < abs($1.1 - target) }),
                  best.1 > lastBytes, best.1 < total else { continue }
            bounds.append(best.0)
            lastBytes = best.1
        }
        var ranges: [TermRange] = []
        var lower: TermBound?
        for bound in bounds {
            ranges.append(TermRange(lower: lower, upper: bound))
            lower = bound
        }
        ranges.append(TermRange(lower: lower, upper: nil))
        return ranges
    }

    /// The offset in `run`'s terms of its first checkpoint at or after `bound` (the end when none is).
    private static func bytesBefore(_ bound: TermBound, in run: Run) -> Int {
        var low = 0, high = run.checkpoints.count
        while low < high {
            let mid = (low + high) / 2
            if bound.follows(RunTermReader(run: run, checkpoint: mid)) { low = mid + 1 } else { high = mid }
        }
        return low < run.checkpoints.count ? run.checkpoints[low] : run.terms.count
    }
}

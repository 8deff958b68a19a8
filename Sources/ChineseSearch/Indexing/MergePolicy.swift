/// Which segments a commit merges, so the number of segments stays logarithmic in the number of commits.
///
/// Tiers by live documents: a segment of n live documents is in tier ⌊log₈ n⌋. When the tier of the commit's
/// new documents holds 8 segments with them, they merge into one, which may fill the next tier in turn (as
/// Tantivy's log merge policy merges at 8 segments of a level). A segment more than 20% deleted (Lucene's
/// default) joins the merge too, so deleted documents do not pile up.
enum MergePolicy {
    static let segmentsPerTier = 8
    static let maximumDeletedShare = 0.2

    static func tier(_ liveDocuments: Int) -> Int {
        var n = max(1, liveDocuments), t = 0
        while n >= segmentsPerTier { n /= segmentsPerTier; t += 1 }
        return t
    }

    /// The old segments (by index) to merge with `newDocuments` new ones; empty when no merge is due.
    /// `segments` gives each old segment's live and deleted document counts.
    static func merge(newDocuments: Int, segments: [(live: Int, deleted: Int)]) -> [Int] {
        var chosen = Set(segments.indices.filter { i in
            let s = segments[i]
            return s.deleted > 0 && Double(s.deleted) > maximumDeletedShare * Double(s.live + s.deleted)
        })
        var total = newDocuments + chosen.reduce(0) { $0 + segments[$1].live }
        while true {
            let members = segments.indices.filter { !chosen.contains($0) && tier(segments[$0].live) == tier(total) }
            let groupSize = members.count + 1
            guard groupSize >= segmentsPerTier else { break }
            chosen.formUnion(members)
            total += members.reduce(0) { $0 + segments[$1].live }
        }
        // A lone deletion-heavy segment with nothing new merges with itself (it is rewritten without its deletions).
        return chosen.sorted()
    }
}

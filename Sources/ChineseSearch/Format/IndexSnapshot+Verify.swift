/// The full check of a commit behind `search verify`.
extension IndexSnapshot {
    /// Every segment checked whole (`IndexReader.verify`), and the commit recomputed: each segment's decrements
    /// from its deleted documents' stored text, and the live document and token counts. O(file size).
    func verify() throws(IndexError) {
        try verifyHeader()
        var live = 0, textTokens = 0, titleTokens = 0
        for (i, segment) in segments.enumerated() {
            try segment.reader.verify()
            var recomputed = SegmentDeletions(documentCount: segment.reference.documentCount)
            for d in 0..<UInt32(segment.reference.documentCount) {
                if segment.isDeleted(d) {
                    recomputed.markDeleted(d)
                    guard let decrements = DocumentTerms.decrements(of: Int(d), in: segment.reader) else {
                        throw .corrupt(path: path, detail: "a deleted document of segment \(i) has terms its dictionary lacks")
                    }
                    recomputed.add(decrements)
                } else {
                    live += 1
                    textTokens += Int(segment.reader.textLength(d))
                    titleTokens += Int(segment.reader.titleLength(d))
                }
            }
            if recomputed != segment.deletions {
                throw .corrupt(path: path, detail: "the deletions of segment \(i) disagree with its deleted documents")
            }
        }
        guard live == commit.liveDocuments, textTokens == commit.textTokens, titleTokens == commit.titleTokens else {
            throw .corrupt(path: path, detail: "the commit's statistics disagree with its live documents")
        }
    }
}

extension IndexSnapshot {
    /// The header's reserved bytes are zero. The other commit slot is not checked: a crash while a commit
    /// writes it leaves it torn, which is harmless by design (the reader takes the slot of this commit).
    fileprivate func verifyHeader() throws(IndexError) {
        if newerCommitDamaged {
            throw .corrupt(path: path, detail: "the newest commit record is damaged (answering from the commit before it)")
        }
        let b = file.bytes
        let reserved = [12..<16, FileHeader.slotOffset(2)..<FileHeader.size]
        guard reserved.allSatisfy({ $0.allSatisfy { b[$0] == 0 } }) else {
            throw .corrupt(path: path, detail: "reserved bytes of the file header are not zero")
        }
    }
}

extension IndexStatistics {
    /// The statistics of a commit: counts of live documents and tokens from the commit record; shortest lengths
    /// (bounds for pruning, which deleted documents cannot invalidate) and term counts from the segments
    /// (summed, so a term in two segments counts twice).
    init(commit: CommitRecord, segments: [IndexStatistics]) {
        self.init(documentCount: commit.liveDocuments, textTokens: commit.textTokens, titleTokens: commit.titleTokens,
                  minTextLength: segments.map(\.minTextLength).min() ?? 0,
                  minTitleLength: segments.map(\.minTitleLength).min() ?? 0,
                  cjkTermCount: segments.reduce(0) { $0 + $1.cjkTermCount },
                  wordTermCount: segments.reduce(0) { $0 + $1.wordTermCount },
                  charTermCount: segments.reduce(0) { $0 + $1.charTermCount },
                  postingCount: segments.reduce(0) { $0 + $1.postingCount })
    }
}

import Dispatch

/// Turns the live documents of a segment back into a `Run`, so a merge of segments is the build's own k-way
/// merge: postings and positions are decoded from the segment and re-encoded, never re-tokenized.
///
/// The run numbers the segment's live documents 0, 1, 2… in segment order and leaves deleted documents and
/// terms without live documents out. Single-character lists are not copied: the merge sums them from the
/// token lists, as a build does. O(postings + positions of the segment).
enum SegmentRun {
    /// The runs of `segments`, in their order, made on up to `threads` threads (each segment is independent).
    static func make(_ segments: [OpenSegment], threads: Int) throws(IndexError) -> [Run] {
        let slots = WorkSlots<Result<Run, IndexError>>(count: segments.count)
        let workers = max(1, min(threads, segments.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = slots.claim() {
                slots.store(i, Result { () throws(IndexError) in try make(segments[i]) })
            }
        }
        return try slots.results.map { (r) throws(IndexError) in try r!.get() }
    }

    /// The run of `segment`'s live documents; throws when a list does not decode.
    static func make(_ segment: OpenSegment) throws(IndexError) -> Run {
        let reader = segment.reader
        let n = segment.reference.documentCount
        var newNumber = [Int32](repeating: -1, count: n)
        var documents = ByteWriter()
        var textLengths: [UInt32] = [], titleLengths: [UInt32] = []
        for d in 0..<n where !segment.isDeleted(UInt32(d)) {
            newNumber[d] = Int32(textLengths.count)
            textLengths.append(reader.textLength(UInt32(d)))
            titleLengths.append(reader.titleLength(UInt32(d)))
            let path = reader.pathBytes(d)
            documents.varint(UInt64(path.count)); documents.append(path)
            var date = reader.documentDate(d)
            date.withUTF8 { documents.varint(UInt64($0.count)); documents.append(UnsafeRawBufferPointer($0)) }
            reader.sourceStamp(d).encode(into: &documents)
            let shown = reader.shownFields(UInt32(d))
            DocumentFields(date: reader.date(UInt32(d)), author: shown.author, categories: shown.categories)
                .encode(into: &documents)
            let checkpoints = reader.tokenCheckpoints.checkpoints(of: d)
            guard reader.tokenCheckpoints.ascend(checkpoints, tokens: Int(reader.textLength(UInt32(d))),
                                                 length: reader.storedLength(d)) else {
                throw .corrupt(path: reader.path, detail: "the token checkpoints of a segment being merged do not ascend")
            }
            DocumentCheckpoints(reader.tokenCheckpoints, checkpoints).encode(into: &documents)
            guard let stored = reader.storedText(d) else {
                throw .corrupt(path: reader.path, detail: "the stored text of document \(d) of a segment being merged does not decode")
            }
            documents.varint(UInt64(min(reader.titleByteCount(d), stored.count)))
            documents.varint(UInt64(stored.count))
            documents.append(stored)
        }
        var terms = ByteWriter()
        var termCount = 0
        var checkpoints: [Int] = []
        var postings = ByteWriter()
        func copy(_ entry: TermEntry, header: (inout ByteWriter) -> Void) throws(IndexError) {
            postings.bytes.removeAll(keepingCapacity: true)
            let text = reader.textCursor(entry)
            let title = reader.titleCursor(entry)
            var count = 0
            var previous: Int64 = -1
            while text.doc != PostingsCursor.end {
                let local = newNumber[Int(text.doc)]
                if local >= 0 {
                    var titleTF: UInt32 = 0
                    if let title {
                        title.advance(to: text.doc)
                        if title.doc == text.doc { titleTF = title.tf }
                    }
                    postings.varint(UInt64(Int64(local) - previous - 1))
                    previous = Int64(local)
                    postings.varint(UInt64(text.tf))
                    postings.varint(UInt64(titleTF))
                    var last: UInt32 = 0
                    text.forEachPosition { p in
                        postings.varint(UInt64(p - last))
                        last = p
                        return true
                    }
                    count += 1
                }
                text.next()
            }
            if text.damaged || title?.damaged == true {
                throw .corrupt(path: reader.path, detail: "a postings list of a segment being merged does not decode")
            }
            guard count > 0 else { return }
            if termCount % Run.checkpointInterval == 0 { checkpoints.append(terms.count) }
            header(&terms)
            terms.varint(UInt64(count))
            terms.append(postings.bytes)
            termCount += 1
        }
        for t in 0..<reader.statistics.cjkTermCount {
            let key = reader.cjkKey(at: t)
            try copy(reader.cjkEntry(t)) { w in w.u8(0); w.u64(key) }
        }
        for w in 0..<reader.statistics.wordTermCount {
            guard let word = reader.wordText(w) else {
                throw .corrupt(path: reader.path, detail: "a word of a segment being merged has bad offsets")
            }
            try copy(reader.wordEntry(at: w)) { out in out.u8(1); out.varint(UInt64(word.count)); out.append(word) }
        }
        return Run(documents: documents.bytes, terms: terms.bytes, termCount: termCount, checkpoints: checkpoints,
                   textLengths: textLengths, titleLengths: titleLengths)
    }
}

/// Inverts one chunk of documents into a `Run`: tokenizes each document's text field once, records every
/// token occurrence as (slot, document, position) in flat arrays, then groups them by term with one counting
/// sort. O(tokens + terms·log terms); no allocation per token.
struct ChunkInverter: TokenSink {
    private let analyzer = Analyzer()
    private var table = TermTable()
    private var occurrenceSlot: [UInt32] = []
    /// Per occurrence: document << 32 | position.
    private var occurrenceDocPosition: [UInt64] = []
    private var documents = ByteWriter()
    private var textLengths: [UInt32] = []
    private var titleLengths: [UInt32] = []
    private var currentDoc: UInt32 = 0
    private var titleByteCount = 0
    private var titleTokens = 0
    private var stored: [UInt8] = []
    private var checkpoints = CheckpointPicker()

    /// Bytes of text added so far.
    private(set) var textBytes = 0

    init() {}

    /// Adds the next document of the chunk. Its stored text is `title + "\n" + body`.
    mutating func add(_ document: SourceDocument, stamp: SourceStamp) {
        stored.removeAll(keepingCapacity: true)
        stored.append(contentsOf: document.title.utf8)
        titleByteCount = stored.count
        stored.append(0x0A)
        stored.append(contentsOf: document.body.utf8)
        textBytes += stored.count
        currentDoc = UInt32(textLengths.count)
        titleTokens = 0
        checkpoints.reset()
        let text = stored
        let length = text.withUnsafeBufferPointer { analyzer.tokenize($0, firstPosition: 0, into: &self) }
        text.withUnsafeBufferPointer { checkpoints.finish(text: $0) }
        textLengths.append(UInt32(length))
        titleLengths.append(UInt32(titleTokens))
        appendString(document.path)
        appendString(document.date)
        stamp.encode(into: &documents)
        DocumentFields(document).encode(into: &documents)
        DocumentCheckpoints(positions: checkpoints.positions, offsets: checkpoints.offsets).encode(into: &documents)
        documents.varint(UInt64(titleByteCount))
        documents.varint(UInt64(text.count))
        documents.append(text)
    }

    private mutating func appendString(_ s: String) {
        var copy = s
        copy.withUTF8 { bytes in
            documents.varint(UInt64(bytes.count))
            documents.append(UnsafeRawBufferPointer(bytes))
        }
    }

    /// `TokenSink`: records a CJK token.
    mutating func cjk(key: UInt64, position: Int, start: Int, end: Int) {
        record(table.slot(cjk: key), position: position, start: start)
        checkpoints.token(position: position, start: start, end: end, bigram: CJKKey.second(key) != 0)
    }

    /// `TokenSink`: records a word token.
    mutating func word(_ normalized: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        record(table.slot(word: normalized), position: position, start: start)
        checkpoints.token(position: position, start: start, end: end, bigram: false)
    }

    @inline(__always) private mutating func record(_ slot: UInt32, position: Int, start: Int) {
        occurrenceSlot.append(slot)
        occurrenceDocPosition.append(UInt64(currentDoc) << 32 | UInt64(UInt32(truncatingIfNeeded: position)))
        if start < titleByteCount { titleTokens += 1 }
    }

    /// Groups the occurrences by term and encodes the run.
    mutating func finish() -> Run {
        let termCount = table.count
        // Counting sort by slot, stable: each term's occurrences stay in document, then position, order.
        var starts = [Int](repeating: 0, count: termCount + 1)
        for s in occurrenceSlot { starts[Int(s) + 1] += 1 }
        for i in 0..<termCount { starts[i + 1] += starts[i] }
        var fill = starts
        var sorted = [UInt64](repeating: 0, count: occurrenceSlot.count)
        occurrenceSlot.withUnsafeBufferPointer { slots in
            occurrenceDocPosition.withUnsafeBufferPointer { source in
                sorted.withUnsafeMutableBufferPointer { target in
                    fill.withUnsafeMutableBufferPointer { fill in
                        for i in 0..<slots.count {
                            let s = Int(slots[i])
                            target[fill[s]] = source[i]
                            fill[s] += 1
                        }
                    }
                }
            }
        }
        occurrenceSlot = []; occurrenceDocPosition = []

        let order = sortedSlots()
        var terms = ByteWriter()
        terms.reserve(sorted.count * 3 + termCount * 12)
        var checkpoints: [Int] = []
        for (t, slot) in order.enumerated() {
            if t % Run.checkpointInterval == 0 { checkpoints.append(terms.count) }
            if table.isWord(slot) {
                let bytes = table.wordBytes(slot)
                terms.u8(1)
                terms.varint(UInt64(bytes.count))
                terms.bytes.append(contentsOf: bytes)
            } else {
                terms.u8(0)
                terms.u64(table.keys[slot])
            }
            let range = starts[slot]..<starts[slot + 1]
            sorted.withUnsafeBufferPointer { occurrences in
                var docCount = 0
                var previousDoc = UInt64.max
                for i in range where occurrences[i] >> 32 != previousDoc {
                    docCount += 1
                    previousDoc = occurrences[i] >> 32
                }
                terms.varint(UInt64(docCount))
                var i = range.lowerBound
                var previous: Int64 = -1
                while i < range.upperBound {
                    let d = occurrences[i] >> 32
                    var j = i
                    var titleTF = 0
                    let titleLength = titleLengths[Int(d)]
                    while j < range.upperBound && occurrences[j] >> 32 == d {
                        if UInt32(truncatingIfNeeded: occurrences[j]) < titleLength { titleTF += 1 }
                        j += 1
                    }
                    terms.varint(UInt64(Int64(d) - previous - 1))
                    previous = Int64(d)
                    terms.varint(UInt64(j - i))
                    terms.varint(UInt64(titleTF))
                    var lastPosition: UInt32 = 0
                    for k in i..<j {
                        let p = UInt32(truncatingIfNeeded: occurrences[k])
                        terms.varint(UInt64(p - lastPosition))
                        lastPosition = p
                    }
                    i = j
                }
            }
        }
        return Run(documents: documents.bytes, terms: terms.bytes, termCount: termCount, checkpoints: checkpoints,
                   textLengths: textLengths, titleLengths: titleLengths)
    }

    /// Slots in term order: CJK keys ascending, then words by bytes.
    private func sortedSlots() -> [Int] {
        var cjk: [UInt64] = []
        var words: [Int] = []
        cjk.reserveCapacity(table.count)
        for s in 0..<table.count {
            if table.isWord(s) { words.append(s) } else { cjk.append(table.keys[s] << 22 | UInt64(s)) }
        }
        let packable = table.count < (1 << 22)
        var order: [Int]
        if packable {
            cjk.sort()
            order = cjk.map { Int($0 & 0x3F_FFFF) }
        } else {
            order = (0..<table.count).filter { !table.isWord($0) }.sorted { table.keys[$0] < table.keys[$1] }
        }
        words.sort { a, b in table.wordBytes(a).lexicographicallyPrecedes(table.wordBytes(b)) }
        order.append(contentsOf: words)
        return order
    }
}

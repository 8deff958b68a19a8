/// One document of a run's documents part (`Run`), read in place.
///
/// ```
/// Document --> pathLength varint, path, dateLength varint, date, SourceStamp (24 bytes), DocumentFields,
///              DocumentCheckpoints, titleBytes varint, storedLength varint, stored
/// ```
/// The bytes are ones this process wrote (a `ChunkInverter` or `SegmentRun`), so they are trusted.
struct RunDocument {
    var path: UnsafeRawBufferPointer
    var date: UnsafeRawBufferPointer
    var stamp: UnsafeRawBufferPointer
    var fields: DocumentFields
    var checkpoints: DocumentCheckpoints
    var titleBytes: Int
    /// The stored text: title, newline, body.
    var stored: UnsafeRawBufferPointer

    /// Decodes the document at `o` of a run's documents part and moves `o` past it.
    init(loading b: UnsafeRawBufferPointer, at o: inout Int) {
        func bytes(_ n: Int) -> UnsafeRawBufferPointer {
            defer { o += n }
            return b.slice(o, n)!
        }
        path = bytes(Int(b.varint(at: &o)!))
        date = bytes(Int(b.varint(at: &o)!))
        stamp = bytes(IndexLayout.sourceStampSize)
        fields = DocumentFields(loading: b, at: &o)
        checkpoints = DocumentCheckpoints(loading: b, at: &o)
        titleBytes = Int(b.varint(at: &o)!)
        stored = bytes(Int(b.varint(at: &o)!))
    }

    /// Calls `body` with every document of `run`, in order.
    static func forEach<E: Error>(in run: Run, _ body: (RunDocument) throws(E) -> Void) throws(E) {
        let b = run.documents
        var o = 0
        for _ in 0..<run.documentCount { try body(RunDocument(loading: b, at: &o)) }
    }
}

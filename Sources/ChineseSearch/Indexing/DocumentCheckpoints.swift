/// A document's token checkpoints (`CheckpointPicker`) as a run carries them to the segment's
/// `TokenCheckpoints` section.
///
/// ```
/// DocumentCheckpoints --> count varint, (positionGap varint, offsetGap varint)^count
/// ```
/// Each gap is from the previous checkpoint, the first from (0, 0); both ascend strictly, but a first position 0.
struct DocumentCheckpoints {
    var positions: [UInt32]
    var offsets: [UInt32]

    init(positions: [UInt32], offsets: [UInt32]) {
        self.positions = positions
        self.offsets = offsets
    }

    /// The checkpoints `range` of a segment's section (a document's, copied by a merge).
    init(_ checkpoints: TokenCheckpoints, _ range: Range<Int>) {
        positions = range.map { UInt32(checkpoints.position(at: $0)) }
        offsets = range.map { UInt32(checkpoints.offset(at: $0)) }
    }

    func encode(into w: inout ByteWriter) {
        w.varint(UInt64(positions.count))
        var position: UInt32 = 0, offset: UInt32 = 0
        for (p, o) in zip(positions, offsets) {
            w.varint(UInt64(p - position))
            w.varint(UInt64(o - offset))
            position = p
            offset = o
        }
    }

    /// Decodes checkpoints written by `encode` (run bytes this process wrote).
    init(loading b: UnsafeRawBufferPointer, at o: inout Int) {
        let n = Int(b.varint(at: &o)!)
        positions = []
        offsets = []
        positions.reserveCapacity(n)
        offsets.reserveCapacity(n)
        var position: UInt32 = 0, offset: UInt32 = 0
        for _ in 0..<n {
            position += UInt32(b.varint(at: &o)!)
            offset += UInt32(b.varint(at: &o)!)
            positions.append(position)
            offsets.append(offset)
        }
    }
}

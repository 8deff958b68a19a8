/// The sections of a segment found so far while its section table is read, by kind: a flat array indexed by
/// raw value. (A `Dictionary` keyed by `SectionKind` made the first open of a process look its `Hashable`
/// conformance up at run time, 0.1 ms.)
struct SectionSlices {
    private var slices = [UnsafeRawBufferPointer?](repeating: nil,
                                                   count: Int(SectionKind.allCases.map(\.rawValue).max()!) + 1)

    subscript(kind: SectionKind) -> UnsafeRawBufferPointer? {
        get { slices[Int(kind.rawValue)] }
        set { slices[Int(kind.rawValue)] = newValue }
    }
}

/// Decoding of the symbol code: every rank is checked against the table and every write against the output, so
/// hostile codes give `false`, never a crash or a write past the output.
extension SymbolCode {
    /// Decodes the codes `coded[position...]` into `destination` from byte `produced` on, until `produced`
    /// reaches `until` or the codes end; a code cut by the end of `coded` is left for a later call (the caller
    /// knows whether more codes follow).
    ///
    /// - Parameters:
    ///   - coded: the codes available so far.
    ///   - position: where the next code begins in `coded`; advanced past the codes decoded.
    ///   - table: the symbols the ranks stand for.
    ///   - destination: the text's bytes; a symbol may run up to 3 bytes past `until`, never past the end.
    ///   - produced: bytes of `destination` written so far; advanced.
    ///   - until: stop once this many bytes are written.
    /// - Returns: false when a rank lies beyond the table or a symbol does not fit in `destination`.
    /// - Complexity: O(codes decoded).
    static func decode(_ coded: UnsafeRawBufferPointer, from position: inout Int, table: SymbolTable,
                       into destination: UnsafeMutableRawBufferPointer, produced: inout Int, until: Int) -> Bool {
        guard let input = coded.baseAddress, position < coded.count, produced < until else { return true }
        guard let output = destination.baseAddress else { return false }
        let end = coded.count, outputEnd = destination.count, symbols = table.count
        let singleByteRanks = table.singleByteRanks, single = UInt8(singleByteRanks)
        var ip = position, op = produced
        defer { position = ip; produced = op }
        // While two code bytes and four bytes of room remain, a code is read without branching on its length
        // (Chinese text mixes one- and two-byte codes about evenly, which no predictor guesses) and its symbol
        // stored as 4 bytes. An escape's rank lies past every table (it would be ≥ the capacity), so escapes and
        // damage alike leave this loop for the careful step below, which decides.
        let fastUntil = min(until, outputEnd - 3)
        while op < until && ip < end {
            while op < fastUntil && ip < end - 1 {
                let lead = Int(input.load(fromByteOffset: ip, as: UInt8.self))
                let low = Int(input.load(fromByteOffset: ip + 1, as: UInt8.self))
                // two: all ones for a two-byte code (lead ≥ S), else 0; the rank picked through it by masks.
                let two = ~((lead &- singleByteRanks) >> 63)
                let rank = lead ^ ((lead ^ (singleByteRanks &+ ((lead &- singleByteRanks) << 8 | low))) & two)
                guard rank < symbols else { break }
                let word = table.entry(rank)
                output.storeBytes(of: word.littleEndian, toByteOffset: op, as: UInt32.self)
                op &+= (32 &- word.leadingZeroBitCount &+ 7) >> 3
                ip &+= 1 &+ (two & 1)
            }
            guard op < until && ip < end else { break }
            // One code, every case checked: escapes, ranks beyond the table, codes cut by the end, the output's end.
            let lead = input.load(fromByteOffset: ip, as: UInt8.self)
            var rank = Int(lead)
            if lead < single {
                ip += 1
            } else {
                guard end - ip >= 2 else { return true }
                let low = input.load(fromByteOffset: ip + 1, as: UInt8.self)
                ip += 2
                if lead == escape {
                    guard op < outputEnd else { return false }
                    output.storeBytes(of: low, toByteOffset: op, as: UInt8.self)
                    op += 1
                    continue
                }
                rank = singleByteRanks + (Int(lead - single) << 8 | Int(low))
            }
            guard rank < symbols else { return false }
            let word = table.entry(rank)
            let length = (32 - word.leadingZeroBitCount + 7) >> 3
            guard length <= outputEnd - op else { return false }
            for k in 0..<length { output.storeBytes(of: UInt8(truncatingIfNeeded: word >> (8 * k)), toByteOffset: op + k, as: UInt8.self) }
            op += length
        }
        return true
    }

    /// Decodes a block stored as LZ4 over symbol codes: the first `prefix` bytes of its text at least (all of it
    /// when `prefix` is its length), LZ4 decoded in steps only as far as the codes those bytes need.
    ///
    /// - Parameters:
    ///   - block: the LZ4 block of the codes, whole.
    ///   - table: the segment's symbols.
    ///   - destination: room for exactly the block's text.
    ///   - prefix: the bytes wanted from the start; with `destination.count`, the whole block, which must decode
    ///     to exactly its length with no code left over.
    ///   - coded: scratch for the codes, `maximumCodedLength(destination.count)` bytes.
    /// - Returns: false for a malformed LZ4 block, a bad rank, codes that give more or fewer bytes than the block
    ///   holds, or a code cut by the block's end (in the part decoded).
    /// - Complexity: O(the block's bytes up to `prefix`, coded and decoded).
    public static func decompress(_ block: UnsafeRawBufferPointer, table: SymbolTable,
                                  into destination: UnsafeMutableRawBufferPointer, prefix: Int,
                                  coded: UnsafeMutableRawBufferPointer) -> Bool {
        decompress(block, table: table, into: destination, until: prefix, from: (0, 0), codesNeeded: nil, coded: coded)
    }

    /// Decodes the text of a block stored as LZ4 over symbol codes from a known code boundary on: the code at
    /// `start.code` gives the text's byte `start.text`, and decoding runs from there until byte `until` of the
    /// text (the whole block when `start` is the block's start and `until` its length, as `decompress(_:table:
    /// into:prefix:coded:)`). LZ4 still decodes from the block's start, as far as `codesNeeded` when the caller
    /// knows how many codes reach `until` (else in steps).
    ///
    /// - Returns: false as `decompress(_:table:into:prefix:coded:)`, or when `start` lies past the codes. A
    ///   `start` that is not a code boundary decodes wrong bytes, never outside `destination`.
    /// - Complexity: O(LZ4 output up to the codes needed + text from `start.text` to `until`).
    public static func decompress(_ block: UnsafeRawBufferPointer, table: SymbolTable,
                                  into destination: UnsafeMutableRawBufferPointer, until wanted: Int,
                                  from start: (code: Int, text: Int), codesNeeded: Int?,
                                  coded: UnsafeMutableRawBufferPointer) -> Bool {
        let whole = wanted >= destination.count && start == (0, 0)
        let stop = min(destination.count, max(0, wanted))
        guard start.text >= 0, start.text <= stop, start.code >= 0, start.code <= coded.count else { return false }
        var lz4 = LZ4Block.Progress()
        var position = start.code, produced = start.text
        // Chinese text codes to less than half its bytes: one step usually suffices; each further step asks for
        // half the bytes still missing, so a read of ASCII text takes a few.
        var goal = whole ? Int.max : codesNeeded ?? (position + (stop - produced) / 2 + 64)
        while true {
            guard LZ4Block.decompress(block, into: coded, resuming: &lz4, until: goal),
                  decode(UnsafeRawBufferPointer(rebasing: coded[0..<lz4.output]), from: &position, table: table,
                         into: destination, produced: &produced, until: stop) else { return false }
            if !whole && produced >= stop { return true }
            if lz4.finished { return whole && produced == destination.count && position == lz4.output }
            goal = max(lz4.output, position) + (stop - produced) / 2 + 64
        }
    }
}

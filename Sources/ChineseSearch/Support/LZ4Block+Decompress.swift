/// Decoding of the LZ4 block format: every read is checked against the input's end, every write against the
/// output's, so hostile input gives `false`, never a crash or a write past the output.
extension LZ4Block {
    /// How far a decoding of one block has come, so a later call can go on from there: the next sequence's
    /// place in the input, the bytes written so far, and whether the block's last sequence has been decoded.
    public struct Progress: Sendable {
        /// Bytes of the block consumed: where the next sequence begins.
        public internal(set) var input = 0
        /// Bytes of output decoded.
        public internal(set) var output = 0
        /// True once the last sequence (literals only) has been decoded: the block is done.
        public internal(set) var finished = false

        /// The start of a block.
        public init() {}
    }

    /// Decodes the block `source` into `destination`, which must come out exactly full.
    ///
    /// - Parameters:
    ///   - source: one compressed block, whole (its last sequence ends exactly at the end).
    ///   - destination: room for exactly the uncompressed length; nothing is written past its end.
    /// - Returns: true when `source` is a well-formed block that decodes to exactly `destination.count` bytes;
    ///   false for any malformed input (a length running past either buffer, offset 0 or before the output's
    ///   start, a block ending inside a sequence, too few or too many bytes). On false, `destination` holds
    ///   whatever was decoded before the fault.
    /// - Complexity: O(source.count + destination.count).
    public static func decompress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) -> Bool {
        decompress(source, into: destination, prefix: destination.count)
    }

    /// Decodes the first `prefix` bytes of the block `source` (at least; decoding stops after the sequence that
    /// reaches them), for reads of the start of a block. `destination` has room for the whole block's length,
    /// as for `decompress(_:into:)`, and the same checks apply to everything decoded; the rest of the block is
    /// not read, so damage past the prefix goes unseen. With `prefix == destination.count` it is
    /// `decompress(_:into:)`. O(source bytes read + prefix).
    public static func decompress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
                                  prefix: Int) -> Bool {
        var progress = Progress()
        let stop = max(0, min(prefix, destination.count))
        guard decompress(source, into: destination, resuming: &progress, until: stop < destination.count ? stop : .max)
        else { return false }
        return progress.finished ? progress.output == destination.count : progress.output >= stop
    }

    /// Decodes whole sequences of the block `source` from `progress` on, until the output reaches `until` bytes
    /// or the block ends, for readers that decode a block in steps (the stored text's symbol codes, whose
    /// decoded length is not known in advance). The output may end anywhere inside `destination`; the caller
    /// checks the length it expects once `progress.finished`.
    ///
    /// - Parameters:
    ///   - source: one compressed block, whole.
    ///   - destination: the whole block's output (earlier calls wrote its first `progress.output` bytes, which
    ///     matches may copy); nothing is written past its end.
    ///   - progress: where the previous call stopped (a fresh `Progress()` at the block's start); advanced.
    ///   - until: stop after the sequence that brings the output to at least this many bytes.
    /// - Returns: false for any malformed input (as `decompress(_:into:)`, but a block ending early is not a
    ///   fault here); true otherwise, `progress.finished` telling whether the block ended.
    /// - Complexity: O(source bytes read + output written).
    public static func decompress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
                                  resuming progress: inout Progress, until: Int) -> Bool {
        guard let input = source.baseAddress, source.count > 0 else { return false }
        let inputEnd = source.count, outputEnd = destination.count
        var ip = progress.input, op = progress.output
        guard !progress.finished, ip < inputEnd, op <= outputEnd else { return progress.finished }
        guard let output = destination.baseAddress else {
            // No room at all: only an empty block (a lone zero token) fits.
            progress.finished = source.count == 1 && input.load(as: UInt8.self) == 0
            progress.input = source.count
            return progress.finished
        }
        defer { progress.input = ip; progress.output = op }
        // Room for a sequence without extra length bytes to take the fast step: in the input the token, 14
        // literals read as 16 bytes and the offset, leaving 5 bytes (so not the last sequence); in the output 14
        // literals and a match of 18, written as 16 and 24 bytes.
        let fastInput = 20, fastOutput = 40
        let fastInputEnd = inputEnd - fastInput, fastOutputEnd = outputEnd - fastOutput
        while op < until {
            // Most sequences: both lengths inside the token, and room on both sides for whole 8-byte moves. The
            // checks left are the ones no room can make: the offset. (Every other check of the careful step
            // below holds here by the room.)
            if ip <= fastInputEnd && op <= fastOutputEnd {
                let token = Int(input.load(fromByteOffset: ip, as: UInt8.self))
                if token & 0xF0 != 0xF0 && token & 0x0F != 0x0F {
                    let literals = token >> 4
                    (output + op).storeBytes(of: input.loadUnaligned(fromByteOffset: ip + 1, as: UInt64.self), as: UInt64.self)
                    (output + op + 8).storeBytes(of: input.loadUnaligned(fromByteOffset: ip + 9, as: UInt64.self), as: UInt64.self)
                    ip += 1 + literals
                    op += literals
                    // At least 5 input bytes remain, so this is not the last sequence: an offset follows.
                    let offset = Int(input.load(fromByteOffset: ip, as: UInt8.self))
                        | Int(input.load(fromByteOffset: ip + 1, as: UInt8.self)) << 8
                    ip += 2
                    guard offset != 0, offset <= op else { return false }
                    let length = (token & 15) + minimumMatch
                    if offset >= 8 {
                        // Strides of 8 in order: each reads bytes before the ones it writes. Up to 24 bytes: room.
                        let from = output + (op - offset), to = output + op
                        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                        (to + 8).storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self)
                        if length > 16 {
                            (to + 16).storeBytes(of: from.loadUnaligned(fromByteOffset: 16, as: UInt64.self), as: UInt64.self)
                        }
                    } else {
                        copyMatch(output, at: op, offset: offset, length: length, outputEnd: outputEnd)
                    }
                    op += length
                    continue
                }
            }
            guard ip < inputEnd else { return false }
            let token = Int(input.load(fromByteOffset: ip, as: UInt8.self))
            ip += 1
            guard let literals = length(token >> 4, input, &ip, inputEnd, limit: outputEnd - op) else { return false }
            guard literals <= inputEnd - ip, literals <= outputEnd - op else { return false }
            if literals <= 16 && inputEnd - ip >= 16 && outputEnd - op >= 16 {
                // Short literals with room on both sides: two 8-byte moves, the excess overwritten later.
                (output + op).storeBytes(of: input.loadUnaligned(fromByteOffset: ip, as: UInt64.self), as: UInt64.self)
                (output + op + 8).storeBytes(of: input.loadUnaligned(fromByteOffset: ip + 8, as: UInt64.self), as: UInt64.self)
            } else {
                (output + op).copyMemory(from: input + ip, byteCount: literals)
            }
            ip += literals
            op += literals
            if ip == inputEnd {
                progress.finished = true
                return true
            }
            guard inputEnd - ip >= 2 else { return false }
            let offset = Int(input.load(fromByteOffset: ip, as: UInt8.self))
                | Int(input.load(fromByteOffset: ip + 1, as: UInt8.self)) << 8
            ip += 2
            guard offset != 0, offset <= op else { return false }
            guard let extra = length(token & 15, input, &ip, inputEnd, limit: outputEnd - op - minimumMatch),
                  extra <= outputEnd - op - minimumMatch else { return false }
            copyMatch(output, at: op, offset: offset, length: extra + minimumMatch, outputEnd: outputEnd)
            op += extra + minimumMatch
        }
        return true
    }

    /// A 4-bit length field and, when it is 15, the extra bytes after it (each 255 continues). nil when the input
    /// ends inside them or the length passes `limit` (checked as it grows, so it never overflows).
    @inline(__always)
    private static func length(_ field: Int, _ input: UnsafeRawPointer, _ ip: inout Int, _ inputEnd: Int, limit: Int) -> Int? {
        var n = field
        guard n == 15 else { return n }
        while true {
            guard ip < inputEnd, n <= limit else { return nil }
            let b = Int(input.load(fromByteOffset: ip, as: UInt8.self))
            ip += 1
            n += b
            if b != 255 { return n }
        }
    }

    /// Copies `length` bytes from `offset` back to `at`; the caller checked `offset <= at` and that the match fits.
    /// Offsets of 8 and more move 8 bytes at a time (each read lies wholly before the bytes it writes; the last
    /// stride may run up to 7 bytes past the match, but never past `outputEnd`); shorter offsets repeat a pattern
    /// that the copy itself extends, so they go byte by byte.
    @inline(__always)
    private static func copyMatch(_ output: UnsafeMutableRawPointer, at op: Int, offset: Int, length: Int, outputEnd: Int) {
        let from = output + (op - offset), to = output + op
        var i = 0
        if offset >= 8 {
            let strides = outputEnd - op >= length + 8 ? length : length & ~7
            while i < strides {
                (to + i).storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), as: UInt64.self)
                i += 8
            }
        }
        while i < length {
            (to + i).storeBytes(of: from.load(fromByteOffset: i, as: UInt8.self), as: UInt8.self)
            i += 1
        }
    }
}

import Foundation

/// Reads standard input line by line with a limit on a line's length, so one huge request cannot take
/// unbounded time or memory: the part of a line past the limit is read and dropped, never kept.
struct BoundedLineReader {
    /// One line of input.
    enum Line {
        /// A line within the limit, without its "\n" (and "\r"); invalid UTF-8 repaired with U+FFFD.
        case text(String)
        /// A line longer than the limit; `bytes` is its full length.
        case tooLong(bytes: Int)
    }

    /// The most bytes a line may have (not counting its "\n").
    let limit: Int
    private let input: FileHandle
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var atEnd = false

    /// A reader of `input` (standard input by default) with lines of at most `limit` bytes.
    init(limit: Int, input: FileHandle = .standardInput) {
        self.limit = limit
        self.input = input
    }

    /// The next line, or nil at end of input. Memory: at most `limit` plus one read's worth of bytes.
    mutating func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if pendingStart < pending.count {
                let rest = pending[pendingStart...]
                let newline = rest.firstIndex(of: 0x0A)
                let end = newline ?? pending.count
                length += end - pendingStart
                if length <= limit { line.append(contentsOf: pending[pendingStart..<end]) } else { line = [] }
                pendingStart = newline.map { $0 + 1 } ?? pending.count
                if newline != nil { return finish(line, length: length) }
            }
            if atEnd { return length > 0 || !line.isEmpty ? finish(line, length: length) : nil }
            let chunk = input.availableData
            if chunk.isEmpty { atEnd = true }
            pending = Array(chunk)
            pendingStart = 0
        }
    }

    private func finish(_ line: [UInt8], length: Int) -> Line {
        if length > limit { return .tooLong(bytes: length) }
        let trimmed = line.last == 0x0D ? line.dropLast() : line[...]
        return .text(String(decoding: trimmed, as: UTF8.self))
    }
}

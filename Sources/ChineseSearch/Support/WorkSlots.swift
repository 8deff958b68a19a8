import Foundation

/// The shared state of work handed out to Dispatch workers: each claims the next index, and stores its
/// result in that index's slot. One lock guards both; a worker touches it once per item.
final class WorkSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [Value?]

    /// `count` empty slots.
    init(count: Int) { values = Array(repeating: nil, count: count) }

    /// The next unclaimed index, or nil when every one is taken.
    func claim() -> Int? {
        lock.withLock {
            guard next < values.count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Stores the result of item `i`.
    func store(_ i: Int, _ value: Value) { lock.withLock { values[i] = value } }

    /// The result of item `i`, nil until it is stored.
    func value(_ i: Int) -> Value? { lock.withLock { values[i] } }

    /// Every slot, nil where no result was stored.
    var results: [Value?] { lock.withLock { values } }
}

/// The postings cursors the snippets of one search read positions through, kept from hit to hit: a search makes
/// its snippets in document order, so each list's cursor only moves forward and is made once, not once a hit.
///
/// A cursor is reused for a later document than the last one asked of it; asked for the same or an earlier
/// one (a caller going back), a fresh cursor replaces it, so any order gives the same positions. Used by one
/// thread at a time.
final class SnippetCursors {
    private struct Key: Hashable {
        var token: Int
        var list: Int
    }

    private var slots: [Key: (cursor: PostingsCursor, target: UInt32)] = [:]

    /// The cursor of list `list` of plan token `token`, standing on the first document ≥ `doc`: the kept one when
    /// it was last asked for an earlier document, else one `make` creates.
    func cursor(token: Int, list: Int, at doc: UInt32, make: () -> PostingsCursor) -> PostingsCursor {
        let key = Key(token: token, list: list)
        let cursor: PostingsCursor
        if let kept = slots[key], kept.target < doc { cursor = kept.cursor } else { cursor = make() }
        cursor.advance(to: doc)
        slots[key] = (cursor, doc)
        return cursor
    }
}

/// Splits query text into terms, OR groups, exclusions and field filters. O(length of the query).
///
/// Syntax, words separated by white space:
/// - `term`, `"quoted words"` (one term matched as a phrase); every clause must match.
/// - `A OR B` (also `or`): either may match; it joins two terms that are not exclusions.
/// - `AND` (also `and`) between two words is the default conjunction and is dropped.
/// - `-term`, `NOT term`: documents matching the term are excluded (`NOT` in capitals only; `not` is a word).
/// - An `OR`, `AND` or `NOT` without the words it needs (at an end, next to another operator, `OR` next to an
///   exclusion or a filter) is an error rather than a word to search for, so a query written for another
///   engine never silently matches nothing; `"OR"` quoted is the word.
/// - `title:term`, `title:"two words"`: the term must match in the title.
/// - `author:VALUE`, `category:VALUE` (also `categories:`), with `author:"张 三"` for values with spaces: the
///   field equals the value after normalization (`Analyzer.normalizedFieldValue`); `-category:广告` excludes.
/// - `date:VALUE` in the forms of `DateRange`; `-date:…` excludes.
///
/// Field names are matched in any ASCII case; every other `word:word` is an ordinary term. A query with
/// exclusions but nothing required (no term, no filter) is an error: it would match every document.
enum QueryParser {
    /// Parses `text`.
    /// - Throws: `QuerySyntaxError` for an empty or malformed filter, OR next to a filter, an operator without
    ///   its words, or exclusions only.
    static func parse(_ text: String, analyzer: Analyzer = Analyzer()) throws(QuerySyntaxError) -> ParsedQuery {
        var words = QueryWord.split(text)
        applyNOT(&words)
        var query = ParsedQuery()
        var joinNext = false
        var lastIsTerm = false  // the last item read went to `clauses`
        for (k, word) in words.enumerated() {
            let next = k + 1 < words.count ? words[k + 1] : nil
            let nextIsWord = next.map { $0.connector == nil && !$0.isNOT } ?? false
            switch word.connector {
            case .and?:
                guard k > 0 && nextIsWord else { throw .danglingOperator(word.text) }
                continue
            case .or?:
                for neighbour in [k > 0 ? words[k - 1] : nil, next] {
                    if let neighbour, neighbour.field.isFilter && !neighbour.negated { throw .filterInAlternatives(neighbour.written) }
                }
                guard lastIsTerm && nextIsWord && next?.negated == false else { throw .danglingOperator(word.text) }
                joinNext = true
                continue
            case nil where word.isNOT:
                throw .danglingOperator(word.text)
            case nil:
                break
            }
            let item = try word.item(analyzer: analyzer)
            switch (item, word.negated) {
            case (.term(let term), true):
                query.excluded.append(term)
            case (.term(let term), false):
                if joinNext {
                    query.clauses[query.clauses.count - 1].append(term)
                } else {
                    query.clauses.append([term])
                }
            case (.filter(let filter), true):
                query.excludedFilters.append(filter)
            case (.filter(let filter), false):
                query.filters.append(filter)
            }
            lastIsTerm = !word.negated && !word.field.isFilter
            joinNext = false
        }
        if query.clauses.isEmpty && query.filters.isEmpty && !(query.excluded.isEmpty && query.excludedFilters.isEmpty) {
            throw .onlyExclusions(text)
        }
        return query
    }

    /// `NOT x` becomes `-x` where x is a word that is neither a connector nor already negated; the `NOT` goes.
    /// O(number of words).
    private static func applyNOT(_ words: inout [QueryWord]) {
        var result: [QueryWord] = []
        result.reserveCapacity(words.count)
        var k = 0
        while k < words.count {
            if k + 1 < words.count, words[k].isNOT, !words[k + 1].negated, words[k + 1].connector == nil, !words[k + 1].isNOT {
                var negated = words[k + 1]
                negated.negated = true
                result.append(negated)
                k += 2
            } else {
                result.append(words[k])
                k += 1
            }
        }
        words = result
    }
}

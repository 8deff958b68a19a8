import ChineseSearch
import Foundation

/// `search serve --stdio`: one JSON request per line in, one JSON result per line out, until end of input.
enum ServeCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["serve"])
        if args.has("--help") { print(Help.serve); return 0 }
        guard args.has("--stdio") else { throw UsageError("serve needs --stdio (the only transport so far)") }
        guard args.positional.isEmpty else { throw UsageError("serve takes no words; see search serve --help") }
        let limits = try RequestLimits(args)
        var index = try SearchIndex(path: args.string("--index") ?? "Index/search.idx")
        var input = BoundedLineReader(limit: limits.requestBytes)
        while let line = input.next() {
            switch line {
            case .tooLong(let bytes):
                Output.line(JSONText.object([("error", JSONText.quote(limits.tooLong(bytes)))]))
            case .text(let text):
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                // Each request sees the newest commit (cheap when nothing changed); a failed reopen keeps the last one.
                if let latest = try? index.reopened() { index = latest }
                Output.line(answer(text, index: index, limits: limits))
            }
            Output.flush()
        }
        return 0
    }

    /// The JSON answer to one request line.
    static func answer(_ line: String, index: SearchIndex, limits: RequestLimits) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return JSONText.object([("error", JSONText.quote("request is not a JSON object"))])
        }
        guard let query = object["query"] as? String else {
            return JSONText.object([("error", JSONText.quote("request has no \"query\" string"))])
        }
        if let problem = limits.check(query: query) { return JSONText.object([("error", JSONText.quote(problem))]) }
        var options = SearchOptions()
        do {
            if let top = object["top"] { guard let t = top as? Int, t >= 0 else { throw UsageError("\"top\" must be a whole number ≥ 0") }; options.top = t }
            if let mode = object["mode"] {
                guard let m = (mode as? String).flatMap(MatchMode.init) else { throw UsageError("\"mode\" must be \"all\" or \"any\"") }
                options.mode = m
            }
            if let k1 = object["k1"] { guard let v = k1 as? Double, v >= 0 else { throw UsageError("\"k1\" must be a number ≥ 0") }; options.bm25.k1 = v }
            if let b = object["b"] { guard let v = b as? Double, v >= 0, v <= 1 else { throw UsageError("\"b\" must be a number from 0 to 1") }; options.bm25.b = v }
            if let w = object["title_weight"] { guard let v = w as? Double, v >= 0 else { throw UsageError("\"title_weight\" must be a number ≥ 0") }; options.titleWeight = v }
            options.explain = object["explain"] as? Bool ?? false
            if let snippets = object["snippets"] { guard let v = snippets as? Bool else { throw UsageError("\"snippets\" must be true or false") }; options.snippets = v }
            if let fields = object["stored_fields"] {
                guard let v = fields as? Bool else { throw UsageError("\"stored_fields\" must be true or false") }
                options.storedFields = v
            }
            if let offset = object["offset"] { guard let v = offset as? Int, v >= 0 else { throw UsageError("\"offset\" must be a whole number ≥ 0") }; options.offset = v }
            if let sort = object["sort"] {
                guard let order = (sort as? String).flatMap(SortOrder.init) else { throw UsageError("\"sort\" must be \"relevance\", \"date\" or \"date:asc\"") }
                options.sort = order
            }
            if let facets = object["facets"] {
                let words = (facets as? [String]) ?? (facets as? String).map { $0.split(separator: ",").map(String.init) }
                guard let words else { throw UsageError("\"facets\" must be a list of field names such as [\"category\", \"year:5\"]") }
                options.facets = try QueryCommand.facets(words)
            }
            var text = query
            if let filter = object["filter"] {
                guard let f = filter as? String else { throw UsageError("\"filter\" must be a string of filter words such as \"category:新闻 date:2022\"") }
                text += " " + f
            }
            return ResultFormat.json(try index.search(text, options: options))
        } catch {
            return ResultFormat.jsonError(query: query, error)
        }
    }
}

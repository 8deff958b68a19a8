@testable import ChineseSearch

/// The inverted index by its definition, the slow way: tokens from `Analyzer().tokens(of:)`, lists in
/// dictionaries. What the index file must hold, computed without any of the indexing code.
struct NaiveIndex {
    struct Posting: Equatable {
        var doc: UInt32
        var tf: UInt32
        var positions: [UInt32]
    }

    /// A term's text-field list (with positions) and title-field list (positions empty).
    struct Lists {
        var text: [Posting] = []
        var title: [Posting] = []
    }

    var cjk: [UInt64: Lists] = [:]
    var words: [[UInt8]: Lists] = [:]
    /// Single-character lists: per CJK character, tf = tokens beginning with it.
    var characters: [UInt32: Lists] = [:]
    var textLengths: [UInt32] = []
    var titleLengths: [UInt32] = []

    init(_ documents: [SourceDocument]) {
        let analyzer = Analyzer()
        for (d, document) in documents.enumerated() {
            let doc = UInt32(d)
            let tokens = analyzer.tokens(of: document.title + "\n" + document.body)
            let titleTokens = analyzer.tokens(of: document.title)
            textLengths.append(UInt32(tokens.count))
            titleLengths.append(UInt32(titleTokens.count))
            for (field, list) in [(0, tokens), (1, titleTokens)] {
                var cjkHere: [UInt64: [UInt32]] = [:]
                var wordsHere: [[UInt8]: [UInt32]] = [:]
                var charsHere: [UInt32: UInt32] = [:]
                for t in list {
                    if let key = t.key {
                        cjkHere[key, default: []].append(UInt32(t.position))
                        charsHere[CJKKey.first(key), default: 0] += 1
                    } else {
                        wordsHere[Array(t.text.utf8), default: []].append(UInt32(t.position))
                    }
                }
                func add(_ lists: inout Lists, _ positions: [UInt32]) {
                    let p = Posting(doc: doc, tf: UInt32(positions.count), positions: field == 0 ? positions : [])
                    if field == 0 { lists.text.append(p) } else { lists.title.append(p) }
                }
                for (key, positions) in cjkHere { add(&cjk[key, default: Lists()], positions) }
                for (word, positions) in wordsHere { add(&words[word, default: Lists()], positions) }
                for (c, tf) in charsHere {
                    let p = Posting(doc: doc, tf: tf, positions: [])
                    if field == 0 { characters[c, default: Lists()].text.append(p) } else { characters[c, default: Lists()].title.append(p) }
                }
            }
        }
    }

    var textTokens: Int { textLengths.reduce(0) { $0 + Int($1) } }
    var titleTokens: Int { titleLengths.reduce(0) { $0 + Int($1) } }
}

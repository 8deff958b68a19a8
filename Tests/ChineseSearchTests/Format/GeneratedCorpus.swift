@testable import ChineseSearch

/// Seeded random documents that look enough like Chinese articles to give long lists (many documents share
/// the frequent characters), block-crossing lists, words, traditional and full-width forms, empty fields.
enum GeneratedCorpus {
    /// Frequent characters first: picks are skewed toward the front, so some bigrams occur in most documents.
    static let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出会就年产车汽小米北工厂电动部署流程灯香港國際說")
    static let words = ["itgc", "SU7", "gen", "Hello", "ÉCOLE", "2024", "１０", "10", "ｒｅｌｅａｓｅ", "naïve", "x"]
    static let separators = ["，", "。", " ", "\n", "、", "！", "“", "”", "-", "：", " (", ") "]
    static let authors = ["新华社", "新華社", "ＩＴ之家", "it之家", "张 三", ""]
    static let categoryNames = ["新闻", "新聞", "科技", "Tech", "TECH", "财经"]

    static func document(_ random: inout RandomText, index: Int, bodyScale: Int) -> SourceDocument {
        let title = text(&random, pieces: random.below(9))
        let body = text(&random, pieces: random.below(bodyScale + 1))
        let date = random.below(3) == 0 ? "" : "2024-0\(1 + random.below(9))-1\(random.below(10))"
        let author = random.below(4) == 0 ? "" : random.pick(authors)
        let categories = (0..<random.below(4)).map { _ in random.pick(categoryNames) }
        return SourceDocument(path: "articles/\(String(index, radix: 10))-\(random.below(1000)).html", title: title,
                              date: date, author: author, categories: categories, body: body)
    }

    /// `pieces` stretches of CJK runs, words and separators, with a sprinkle of the analyzer fuzz alphabet.
    static func text(_ random: inout RandomText, pieces: Int) -> String {
        var s = ""
        for _ in 0..<pieces {
            switch random.below(10) {
            case 0..<6:
                for _ in 0..<(1 + random.below(12)) { s.append(han[random.below(random.below(han.count) + 1)]) }
            case 6, 7: s += random.pick(words)
            case 8: s += random.string(maxScalars: 6).replacingOccurrences(of: "\0", with: "")
            default: break
            }
            s += random.pick(separators)
        }
        return s
    }

    /// `count` documents; bodies of about `bodyScale` pieces (a piece averages ~15 bytes).
    static func documents(seed: UInt64, count: Int, bodyScale: Int) -> [SourceDocument] {
        var random = RandomText(seed: seed)
        return (0..<count).map { document(&random, index: $0, bodyScale: bodyScale) }
    }
}

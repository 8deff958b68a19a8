// Generates a synthetic corpus of Chinese news-like articles in the Corpus/*.txt shape (`search-bench corpus`).
// Corpus: real words from Benchmarks/data/words.tsv at their jieba frequencies, bursty topic words, heavy-tailed lengths.
// Watch: throughput (100 MB should take seconds) and determinism (same --seed, same bytes, whatever the thread count).
import Dispatch
import Foundation

/// Options of `search-bench corpus`.
struct CorpusOptions {
    var megabytes = 100.0
    var outputDirectory = ""
    var seed: UInt64 = 1
    var dataDirectory: String?
    var force = false
}

/// Writes documents `000000_<hash>.txt`, … until their total size reaches the requested number of bytes (1 MB = 10^6).
///
/// Document `i` depends only on the seed and `i`, so documents are generated in parallel batches and the output
/// is byte-identical on any machine and thread count.
struct CorpusGenerator: Sendable {
    let model: TextModel

    static func run(arguments: [String]) throws {
        var options = CorpusOptions()
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--mb": options.megabytes = try args.double(flag)
            case "--out": options.outputDirectory = try args.value(flag)
            case "--seed": options.seed = try args.uint64(flag)
            case "--data": options.dataDirectory = try args.value(flag)
            case "--force": options.force = true
            default: throw BenchError.usage("corpus: unknown option \(flag)")
            }
        }
        guard !options.outputDirectory.isEmpty else {
            throw BenchError.usage("usage: search-bench corpus --mb 100 --out DIR [--seed 1] [--force] [--data DIR]")
        }
        let vocabulary = try Vocabulary.load(dataDirectory: Vocabulary.dataDirectory(options.dataDirectory))
        let generator = CorpusGenerator(model: TextModel(vocabulary: vocabulary, seed: options.seed))
        let start = DispatchTime.now()
        let (documents, bytes) = try generator.write(options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(String(format: "corpus: %d documents, %.1f MB in %.2f s (%.1f MB/s) -> %@",
                     documents, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds, options.outputDirectory))
    }

    func write(options: CorpusOptions) throws -> (documents: Int, bytes: Int) {
        let fm = FileManager.default
        let dir = options.outputDirectory
        if let existing = try? fm.contentsOfDirectory(atPath: dir), !existing.isEmpty {
            guard options.force else {
                throw BenchError.usage("corpus: \(dir) is not empty (use --force to replace its .txt files)")
            }
            for name in existing where name.hasSuffix(".txt") { try fm.removeItem(atPath: dir + "/" + name) }
        }
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)

        let target = Int(options.megabytes * 1_000_000)
        let batch = 64
        var written = 0, bytes = 0
        let model = self.model
        while bytes < target {
            let box = ResultBox<[UInt8]>(count: batch)
            let first = written
            DispatchQueue.concurrentPerform(iterations: batch) { k in
                box.store(k, model.document(index: first + k))
            }
            for k in 0..<batch where bytes < target {
                let data = box.values[k]!
                let name = String(format: "%06d_%016llx.txt", first + k, SplitMix64.mix(model.seed, UInt64(first + k)))
                try writeFile(dir + "/" + name, data)
                bytes += data.count
                written += 1
            }
        }
        return (written, bytes)
    }
}

/// Writes bytes to a new file with plain `open`/`write` (FileManager's atomic write costs a rename per file).
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw BenchError.io("cannot create \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        guard n > 0 else { throw BenchError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        done += n
    }
}

/// A fixed-size array that concurrent workers fill slot by slot (each slot written by exactly one worker).
final class ResultBox<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func store(_ index: Int, _ value: T) { lock.lock(); values[index] = value; lock.unlock() }
}

/// The statistical model of the generated text: word frequencies, topic clusters, punctuation, numbers, Latin,
/// full-width forms and traditional characters, each at a rate chosen to resemble Chinese news.
struct TextModel: Sendable {
    let seed: UInt64
    /// UTF-8 bytes of every word, simplified and traditional, in one buffer: word i is `bytes[start[i]..<start[i+1]]`.
    private let simplifiedBytes: [UInt8], simplifiedStart: [Int]
    private let traditionalBytes: [UInt8], traditionalStart: [Int]
    private let characterCount: [Int]
    private let background: AliasTable
    /// Content words (nouns, names, places, organizations) that may be a document's topic words.
    private let topicPool: [Int]
    /// Category clusters: a name and 300 topic words each; documents of one category share topic words.
    private let categoryNames: [String]
    private let categoryTopics: [[Int]]
    private let authors: [String]

    init(vocabulary: Vocabulary, seed: UInt64) {
        self.seed = seed
        var sb: [UInt8] = [], ss: [Int] = [0], tb: [UInt8] = [], ts: [Int] = [0], chars: [Int] = []
        for word in vocabulary.words {
            sb.append(contentsOf: word.utf8); ss.append(sb.count)
            tb.append(contentsOf: vocabulary.toTraditional(word).utf8); ts.append(tb.count)
            chars.append(word.count)
        }
        simplifiedBytes = sb; simplifiedStart = ss; traditionalBytes = tb; traditionalStart = ts; characterCount = chars
        background = AliasTable(weights: vocabulary.counts.map(Double.init))
        let topicKinds: Set<String> = ["n", "nr", "ns", "nt", "nz", "nrt", "vn", "j", "nrfg"]
        topicPool = vocabulary.words.indices.filter {
            $0 >= 200 && topicKinds.contains(vocabulary.partsOfSpeech[$0]) && vocabulary.words[$0].count >= 2
        }
        categoryNames = ["科技", "财经", "汽车", "体育", "娱乐", "国际", "社会", "教育", "健康", "房产", "军事", "文化",
                         "旅游", "游戏", "数码", "法治", "农业", "能源", "环境", "历史", "时尚", "美食", "互联网", "证券",
                         "航空", "医药", "地方", "人物", "评论", "读书", "音乐", "电影", "彩票", "公益", "家居", "职场"]
        var rng = Xoshiro256(seed: seed ^ 0xCA7E_60A1)
        let pool = topicPool
        categoryTopics = categoryNames.map { _ in (0..<300).map { _ in pool[TextModel.logUniform(&rng, pool.count)] } }
        authors = ["新华社", "人民网", "中国新闻网", "央视新闻", "澎湃新闻", "界面新闻", "财新网", "第一财经", "经济观察报",
                   "南方周末", "新京报", "环球时报", "cnBeta", "36氪", "虎嗅", "钛媒体", "IT之家", "凤凰网科技", "网易科技",
                   "腾讯新闻", "高科技行业门户", "北京青年报", "科技日报", "光明日报", "中国日报", "联合早报", "中央社"]
    }

    /// An index in 0..<n, log-uniformly distributed: frequent words (small indices) are favoured.
    static func logUniform(_ rng: inout Xoshiro256, _ n: Int) -> Int {
        min(n - 1, Int(Foundation.exp(rng.unit() * Foundation.log(Double(n)))) - 1)
    }

    private static let latinWords = ["iPhone", "Android", "CEO", "AI", "5G", "GDP", "App", "iPad", "Wi-Fi", "USB", "CPU",
        "GPU", "Tesla", "Model Y", "Pro", "Max", "Google", "Apple", "Microsoft", "Windows", "Linux", "Python", "IPO",
        "NBA", "OLED", "LED", "SUV", "PC", "VR", "AR", "IT", "B2B", "ChatGPT", "OpenAI", "Mate", "mini", "Plus", "Ultra",
        "GitHub", "API", "SDK", "ETF", "PMI", "CPI", "WHO", "EU", "COVID-19", "ofo", "MacBook", "Kindle", "HarmonyOS",
        "AT&amp;T", "Wi-Fi 6", "iOS", "LTE", "SpaceX", "Netflix", "Amazon", "Intel", "AMD", "Nvidia", "ARM", "RISC-V"]

    // MARK: One document

    /// The complete file of document `index`: front matter, then an HTML body.
    func document(index: Int) -> [UInt8] {
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, UInt64(index)))
        var doc = DocumentState(rng: &rng, model: self)
        var out: [UInt8] = []
        // Heavy-tailed length in characters: log-normal, median 1,800, clamped to [150, 80,000].
        let targetChars = Int(min(80_000, max(150, 1_800 * Foundation.exp(1.0 * rng.normal()))))
        out.reserveCapacity(targetChars * 4 + 1_024)

        out.append(contentsOf: "\n---\ntitle: '".utf8)
        appendTitle(&out, &doc, &rng)
        out.append(contentsOf: "'\ncategories: \n".utf8)
        out.append(contentsOf: " - \(categoryNames[doc.category])\n".utf8)
        for _ in 0..<rng.between(0, 2) {
            out.append(contentsOf: " - \(categoryNames[rng.below(categoryNames.count)])\n".utf8)
        }
        out.append(contentsOf: "author: \(authors[rng.below(authors.count)])\ncomments: false\n".utf8)
        out.append(contentsOf: "date: \(TextModel.httpDate(1_420_070_400 + index * 9_000 + rng.below(9_000)))\n".utf8)
        out.append(contentsOf: "---\n\n<div>   \n".utf8)

        var chars = 0
        while chars < targetChars {
            chars += appendParagraph(&out, &doc, &rng)
        }
        out.append(contentsOf: "</div>\n".utf8)
        return out
    }

    private func appendTitle(_ out: inout [UInt8], _ doc: inout DocumentState, _ rng: inout Xoshiro256) {
        let words = rng.between(3, 9)
        for i in 0..<words {
            if i > 0 && rng.chance(0.08) { out.append(contentsOf: "：".utf8) }
            if rng.chance(0.05) {
                appendNumber(&out, &rng)
            } else {
                appendWord(&out, i % 2 == 0 ? doc.topicWord(&rng) : background.sample(&rng), doc.traditional, &rng)
            }
        }
    }

    /// Appends one `<p>` paragraph of 1–6 sentences; returns the number of text characters written (roughly).
    private func appendParagraph(_ out: inout [UInt8], _ doc: inout DocumentState, _ rng: inout Xoshiro256) -> Int {
        if rng.chance(0.04) {
            out.append(contentsOf: "<p style=\"text-align:center\"><img src=\"https://img.example.com/\(rng.below(1_000_000)).jpg\" referrerpolicy=\"no-referrer\"></p>".utf8)
        }
        out.append(contentsOf: rng.chance(0.7) ? "<p style=\"text-indent: 2em; text-align: left;\">".utf8 : "<p>".utf8)
        var chars = 0
        let sentences = rng.between(1, 6)
        let strongAt = rng.chance(0.15) ? rng.below(sentences) : -1
        let linkAt = rng.chance(0.10) ? rng.below(sentences) : -1
        for s in 0..<sentences {
            if s == strongAt {
                out.append(contentsOf: "<strong>".utf8)
                chars += appendWord(&out, doc.topicWord(&rng), doc.traditional, &rng)
                out.append(contentsOf: "</strong>".utf8)
            }
            if s == linkAt {
                out.append(contentsOf: "<a href=\"https://news.example.com/tag/\(rng.below(100_000)).html\" target=\"_blank\">".utf8)
                chars += appendWord(&out, doc.topicWord(&rng), doc.traditional, &rng)
                out.append(contentsOf: "</a>".utf8)
            }
            chars += appendSentence(&out, &doc, &rng)
        }
        out.append(contentsOf: "</p>".utf8)
        return chars
    }

    private static let sentenceEnds = ["。", "。", "。", "。", "。", "。", "。", "。", "！", "？", "；", "……"]

    private func appendSentence(_ out: inout [UInt8], _ doc: inout DocumentState, _ rng: inout Xoshiro256) -> Int {
        var chars = 0
        let words = rng.between(6, 26)
        var sinceComma = 0
        for i in 0..<words {
            if i > 0 {
                // ， after at least 3 words (about one clause in 8 words), 、 at 1.2%, ： at 0.5% of word gaps.
                let r = rng.unit()
                if r < 0.14 {
                    if sinceComma >= 3 { out.append(contentsOf: "，".utf8); chars += 1; sinceComma = 0 }
                } else if r < 0.152 {
                    out.append(contentsOf: "、".utf8); chars += 1
                } else if r < 0.157 {
                    out.append(contentsOf: "：".utf8); chars += 1
                }
            }
            sinceComma += 1
            let r = rng.unit()
            if r < doc.topicRate {
                chars += appendWord(&out, doc.topicWord(&rng), doc.traditional, &rng)
            } else if r < doc.topicRate + 0.015 {
                chars += appendNumber(&out, &rng)
            } else if r < doc.topicRate + 0.024 {
                chars += appendLatin(&out, &rng)
            } else if r < doc.topicRate + 0.028 {
                let (open, close) = rng.chance(0.5) ? ("“", "”") : ("《", "》")
                out.append(contentsOf: open.utf8)
                chars += 2 + appendWord(&out, doc.topicWord(&rng), doc.traditional, &rng)
                out.append(contentsOf: close.utf8)
            } else {
                chars += appendWord(&out, background.sample(&rng), doc.traditional, &rng)
            }
        }
        out.append(contentsOf: TextModel.sentenceEnds[rng.below(TextModel.sentenceEnds.count)].utf8)
        return chars + 1
    }

    @discardableResult
    private func appendWord(_ out: inout [UInt8], _ word: Int, _ traditionalDocument: Bool, _ rng: inout Xoshiro256) -> Int {
        // Whole documents in traditional characters, and a stray traditional word (0.3%) elsewhere.
        if traditionalDocument || rng.chance(0.003) {
            out.append(contentsOf: traditionalBytes[traditionalStart[word]..<traditionalStart[word + 1]])
        } else {
            out.append(contentsOf: simplifiedBytes[simplifiedStart[word]..<simplifiedStart[word + 1]])
        }
        return characterCount[word]
    }

    /// A number as news writes them: years, dates, percentages, amounts; 10% in full-width digits.
    @discardableResult
    private func appendNumber(_ out: inout [UInt8], _ rng: inout Xoshiro256) -> Int {
        let text: String
        switch rng.below(7) {
        case 0: text = "\(rng.between(1990, 2025))年"
        case 1: text = "\(rng.between(1, 12))月\(rng.between(1, 28))日"
        case 2: text = "\(rng.between(1, 99)).\(rng.below(10))%"
        case 3: text = "\(rng.between(1, 999)).\(rng.below(100))亿元"
        case 4: text = "\(rng.between(1, 9999))万"
        case 5: text = "\(rng.between(2, 500))"
        default: text = "\(rng.between(1, 24))时\(rng.between(10, 59))分"
        }
        let fullWidth = rng.chance(0.1)
        for scalar in text.unicodeScalars {
            if fullWidth, (0x30...0x39).contains(scalar.value) || scalar.value == 0x25 || scalar.value == 0x2E {
                out.append(contentsOf: String(UnicodeScalar(scalar.value + 0xFEE0)!).utf8)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return text.count
    }

    /// A Latin-script word (brands, acronyms); 8% in full-width letters, 30% with spaces around it.
    private func appendLatin(_ out: inout [UInt8], _ rng: inout Xoshiro256) -> Int {
        let word = TextModel.latinWords[rng.below(TextModel.latinWords.count)]
        let spaced = rng.chance(0.3)
        if spaced { out.append(0x20) }
        if rng.chance(0.08) && !word.contains("&") {
            for scalar in word.unicodeScalars {
                let v = scalar.value
                let wide = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
                out.append(contentsOf: String(UnicodeScalar(wide ? v + 0xFEE0 : v)!).utf8)
            }
        } else {
            out.append(contentsOf: word.utf8)
        }
        if spaced { out.append(0x20) }
        return word.count
    }

    /// `Fri, 26 Mar 2021 03:43:00 GMT` for a Unix time.
    static func httpDate(_ unixTime: Int) -> String {
        let days = unixTime / 86_400, secs = unixTime % 86_400
        // Civil-from-days (H. Hinnant).
        let z = days + 719_468, era = z / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekdays[days % 7], d, months[m - 1], y,
                      secs / 3_600, secs / 60 % 60, secs % 60)
    }

    /// Per-document choices: a category, its topic words with Zipf weights, how often they recur, and the script.
    fileprivate struct DocumentState {
        let category: Int
        let topics: [Int]
        let topicWeights: AliasTable
        let topicRate: Double
        let traditional: Bool

        init(rng: inout Xoshiro256, model: TextModel) {
            category = rng.below(model.categoryTopics.count)
            let count = rng.between(4, 16)
            var topics: [Int] = []
            for _ in 0..<count {
                if rng.chance(0.7) {
                    let cluster = model.categoryTopics[category]
                    topics.append(cluster[TextModel.logUniform(&rng, cluster.count)])
                } else {
                    topics.append(model.topicPool[TextModel.logUniform(&rng, model.topicPool.count)])
                }
            }
            self.topics = topics
            topicWeights = AliasTable(weights: (0..<count).map { 1 / Double($0 + 1) })
            topicRate = 0.04 + 0.10 * rng.unit()
            traditional = rng.chance(0.04)
        }

        func topicWord(_ rng: inout Xoshiro256) -> Int { topics[topicWeights.sample(&rng)] }
    }
}

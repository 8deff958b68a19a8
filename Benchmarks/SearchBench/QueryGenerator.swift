// Generates a query set from a corpus (`search-bench queries`): one `class<TAB>query` per line, per-class counts equal.
// Corpus: any folder in the Corpus/ shape; words come from segmenting a sample of its documents with words.tsv.
// Watch: queries are drawn from the corpus text, so every all-mode query should match; misses mean a reader changed.
import Foundation

/// The query classes, in output order, with the mode each is naturally asked in.
enum QueryClass: String, CaseIterable, Sendable {
    case singleChar = "single-char", term2, longTerm = "long-term", and2, and3, any, phrase, frequent, rare

    /// `any` queries are bags of tokens; every other class requires all its terms (or the phrase).
    var naturalModeIsAny: Bool { self == .any }
}

/// Up to six Unicode scalars packed into two words (21 bits each): a dictionary key that allocates nothing.
struct WordKey: Hashable {
    var low: UInt64 = 0, high: UInt64 = 0
    init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        for (k, scalar) in scalars.enumerated() {
            if k < 3 { low |= UInt64(scalar.value) << (21 * UInt64(k)) } else { high |= UInt64(scalar.value) << (21 * UInt64(k - 3)) }
        }
    }
    /// The scalars, in order.
    var scalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for k in 0..<6 {
            let v = UInt32(truncatingIfNeeded: ((k < 3 ? low : high) >> (21 * UInt64(k % 3))) & 0x1F_FFFF)
            if v == 0 { break }
            result.append(Unicode.Scalar(v)!)
        }
        return result
    }
    var count: Int { scalars.count }
    var string: String { var view = String.UnicodeScalarView(); view.append(contentsOf: scalars); return String(view) }
}

struct QueryGenerator {
    static func run(arguments: [String]) throws {
        var corpus = "", output = "", seed: UInt64 = 1, perClass = 150, sample = 2_000
        var dataDirectory: String?
        var args = ArgumentScanner(arguments)
        while let flag = args.nextFlag() {
            switch flag {
            case "--corpus": corpus = try args.value(flag)
            case "--out": output = try args.value(flag)
            case "--seed": seed = try args.uint64(flag)
            case "--per-class": perClass = try args.int(flag)
            case "--sample": sample = try args.int(flag)
            case "--data": dataDirectory = try args.value(flag)
            default: throw BenchError.usage("queries: unknown option \(flag)")
            }
        }
        guard !corpus.isEmpty, !output.isEmpty else {
            throw BenchError.usage("usage: search-bench queries --corpus DIR --out FILE [--seed 1] [--per-class 150]")
        }
        let vocabulary = try Vocabulary.load(dataDirectory: Vocabulary.dataDirectory(dataDirectory))
        var generator = try QueryGenerator(corpus: corpus, vocabulary: vocabulary, sample: sample, seed: seed)
        let queries = generator.generate(perClass: perClass)
        var text = ""
        for (queryClass, query) in queries { text += "\(queryClass.rawValue)\t\(query)\n" }
        try writeFile(output, Array(text.utf8))
        print("queries: \(queries.count) (\(perClass) per class) from \(generator.documents.count) sampled documents -> \(output)")
    }

    /// A sampled document as CJK runs, each segmented into words by forward maximum matching.
    struct SegmentedDocument {
        var runs: [[WordKey]]
    }

    var documents: [SegmentedDocument] = []
    var rng: Xoshiro256
    /// Document frequencies over the sample.
    var characterDF: [UInt32: Int] = [:]
    var wordDF: [WordKey: Int] = [:]

    init(corpus: String, vocabulary: Vocabulary, sample: Int, seed: UInt64) throws {
        rng = Xoshiro256(seed: SplitMix64.mix(seed, 0x9E7))
        let files = try CorpusReader.files(in: corpus)
        guard !files.isEmpty else { throw BenchError.usage("queries: no files in \(corpus)") }
        let step = max(1, files.count / max(1, sample))
        var dictionary = Set<WordKey>()
        for word in vocabulary.words where word.unicodeScalars.count <= 6 {
            dictionary.insert(WordKey(word.unicodeScalars))
            dictionary.insert(WordKey(vocabulary.toTraditional(word).unicodeScalars))
        }
        for index in stride(from: 0, to: files.count, by: step) {
            let text = try CorpusReader.read(directory: corpus, path: files[index])
            let document = QueryGenerator.segment(text.title + "\n" + text.body, dictionary: dictionary)
            if document.runs.isEmpty { continue }
            documents.append(document)
            var seenChars = Set<UInt32>(), seenWords = Set<WordKey>()
            for run in document.runs {
                for word in run {
                    seenWords.insert(word)
                    for c in word.scalars { seenChars.insert(c.value) }
                }
            }
            for c in seenChars { characterDF[c, default: 0] += 1 }
            for w in seenWords { wordDF[w, default: 0] += 1 }
        }
        guard !documents.isEmpty else { throw BenchError.usage("queries: no Chinese text in \(corpus)") }
    }

    /// CJK runs of the text, each split into dictionary words (longest match, up to 6 characters; else one character).
    static func segment(_ text: String, dictionary: Set<WordKey>) -> SegmentedDocument {
        var runs: [[WordKey]] = []
        var run: [Unicode.Scalar] = []
        func flush() {
            guard !run.isEmpty else { return }
            var words: [WordKey] = []
            var i = 0
            while i < run.count {
                var length = min(6, run.count - i)
                while length > 1 && !dictionary.contains(WordKey(run[i..<(i + length)])) { length -= 1 }
                words.append(WordKey(run[i..<(i + length)]))
                i += length
            }
            runs.append(words)
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if CorpusReader.isIdeograph(scalar.value) { run.append(scalar) } else { flush() }
        }
        flush()
        return SegmentedDocument(runs: runs)
    }

    mutating func randomDocument() -> SegmentedDocument { documents[rng.below(documents.count)] }

    /// A random word of a document with a length in `lengths`, or nil after a few tries.
    mutating func word(in document: SegmentedDocument, lengths: ClosedRange<Int>) -> String? {
        for _ in 0..<40 {
            let run = document.runs[rng.below(document.runs.count)]
            let w = run[rng.below(run.count)]
            if lengths.contains(w.count) { return w.string }
        }
        return nil
    }

    mutating func generate(perClass: Int) -> [(QueryClass, String)] {
        var result: [(QueryClass, String)] = []
        let charactersByDF = characterDF.keys.sorted().map { Character(Unicode.Scalar($0)!) }
        let counted = wordDF.filter { $0.key.count >= 2 }.map { (word: $0.key.string, df: $0.value) }
        let sortedWords = counted.sorted { $0.df != $1.df ? $0.df > $1.df : $0.word.utf8.lexicographicallyPrecedes($1.word.utf8) }
        let wordsByDF = sortedWords.map(\.word)
        let rareWords = sortedWords.filter { $0.df <= 1 }.map(\.word)
        for queryClass in QueryClass.allCases {
            var seen = Set<String>()
            var attempts = 0
            while seen.count < perClass && attempts < perClass * 200 {
                attempts += 1
                guard let query = make(queryClass, characters: charactersByDF, frequentWords: wordsByDF, rareWords: rareWords),
                      !query.isEmpty, seen.insert(query).inserted else { continue }
                result.append((queryClass, query))
            }
        }
        return result
    }

    private mutating func make(_ queryClass: QueryClass, characters: [Character], frequentWords: [String],
                               rareWords: [String]) -> String? {
        switch queryClass {
        case .singleChar:
            // Half drawn by occurrence (frequent characters dominate), half uniformly over distinct characters.
            if rng.chance(0.5) { return word(in: randomDocument(), lengths: 1...6).map { String($0.first!) } }
            return String(characters[rng.below(characters.count)])
        case .term2:
            return word(in: randomDocument(), lengths: 2...2)
        case .longTerm:
            return word(in: randomDocument(), lengths: 4...8) ?? longSubstring(randomDocument())
        case .and2, .and3:
            let document = randomDocument()
            var terms: [String] = []
            for _ in 0..<20 where terms.count < (queryClass == .and2 ? 2 : 3) {
                if let w = word(in: document, lengths: 2...4), !terms.contains(w) { terms.append(w) }
            }
            return terms.count == (queryClass == .and2 ? 2 : 3) ? terms.joined(separator: " ") : nil
        case .any:
            let document = randomDocument(), count = rng.between(3, 8)
            var terms: [String] = []
            for _ in 0..<40 where terms.count < count {
                let source = rng.chance(0.8) ? document : randomDocument()
                if let w = word(in: source, lengths: 1...4), !terms.contains(w) { terms.append(w) }
            }
            return terms.count == count ? terms.joined(separator: " ") : nil
        case .phrase:
            // Two adjacent words of one run, quoted: "长城汽车".
            let document = randomDocument()
            let run = document.runs[rng.below(document.runs.count)]
            guard run.count >= 2 else { return nil }
            let i = rng.below(run.count - 1)
            guard run[i].count >= 2, run[i + 1].count >= 2 else { return nil }
            return "\"\(run[i].string)\(run[i + 1].string)\""
        case .frequent:
            let top = frequentWords.prefix(60)
            guard top.count >= 2 else { return nil }
            let a = top[rng.below(top.count)], b = top[rng.below(top.count)]
            return rng.chance(0.4) || a == b ? a : "\(a) \(b)"
        case .rare:
            if !rareWords.isEmpty && rng.chance(0.7) { return rareWords[rng.below(rareWords.count)] }
            return longSubstring(randomDocument())
        }
    }

    /// A substring of 4–6 characters of one run (a span across word boundaries, as users paste text).
    private mutating func longSubstring(_ document: SegmentedDocument) -> String? {
        let characters = document.runs[rng.below(document.runs.count)].flatMap(\.scalars).map(Character.init)
        let length = rng.between(4, 6)
        guard characters.count >= length else { return nil }
        let start = rng.below(characters.count - length + 1)
        return String(characters[start..<(start + length)])
    }
}

// Measures nothing: loads the derived word list (Benchmarks/data/words.tsv) and the simplified→traditional table.
// Used by the corpus generator (word frequencies, topic words) and the query generator (word boundaries).
// Watch: the files are found next to this source (#filePath) unless --data DIR is given; a moved checkout needs --data.
import Foundation

/// The benchmark's vocabulary: real Chinese words with corpus counts and parts of speech, most frequent first.
struct Vocabulary: Sendable {
    var words: [String]
    var counts: [Int]
    var partsOfSpeech: [String]
    /// Simplified → traditional character, for the characters of `words` that have a distinct traditional form.
    var traditional: [Character: Character]

    /// The folder holding words.tsv and traditional.tsv: `--data DIR`, else Benchmarks/data next to this file.
    static func dataDirectory(_ override: String?) -> String {
        if let override { return override }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data").path
    }

    static func load(dataDirectory: String) throws -> Vocabulary {
        let wordsText = try String(contentsOfFile: dataDirectory + "/words.tsv", encoding: .utf8)
        var vocabulary = Vocabulary(words: [], counts: [], partsOfSpeech: [], traditional: [:])
        for line in wordsText.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 3, let count = Int(fields[1]) else { continue }
            vocabulary.words.append(String(fields[0]))
            vocabulary.counts.append(count)
            vocabulary.partsOfSpeech.append(String(fields[2]))
        }
        let tradText = try String(contentsOfFile: dataDirectory + "/traditional.tsv", encoding: .utf8)
        for line in tradText.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let s = fields[0].first, let t = fields[1].first { vocabulary.traditional[s] = t }
        }
        guard !vocabulary.words.isEmpty else { throw BenchError.usage("no words in \(dataDirectory)/words.tsv") }
        return vocabulary
    }

    /// The word in traditional characters (unchanged when no character has a traditional form).
    func toTraditional(_ word: String) -> String {
        String(word.map { traditional[$0] ?? $0 })
    }
}

/// Errors of the benchmark tool; printed once as `search-bench: message`.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case io(String)
    var description: String {
        switch self {
        case .usage(let message), .io(let message): return message
        }
    }
}

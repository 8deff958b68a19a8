// Dispatches `search-bench COMMAND …` to one file per measured thing (or generated input).
// Commands: corpus (synthetic corpus), queries (query set), tokenizer (tokenizer MB/s), run (our engine's harness),
// split (one query over several document ranges), update (the living index: updates, segments,
// compaction), fields (filters, date sort, facets), cold (open + first query in a fresh process),
// codec (stored-text compression).
// Watch: errors print once as `search-bench: message` and exit 2 for usage, 1 otherwise.
import Foundation

let usage = """
usage: search-bench corpus  --mb 100 --out DIR [--seed 1] [--force]
       search-bench queries --corpus DIR --out FILE [--seed 1] [--per-class 150]
       search-bench tokenizer [PATH]
       search-bench run     --corpus DIR --queries FILE --out JSON [--index PATH] [--threads N]
                            [--min-seconds S] [--no-single-thread-build] [--reuse-index]
       search-bench split   --index PATH --queries FILE [--parts N]
       search-bench update  --corpus DIR --queries FILE [--work DIR] [--rounds 3]
       search-bench fields  --index PATH --queries FILE [--rounds 3]
       search-bench cold    --index PATH [--query TEXT] [--rounds 11] [--no-snippets]
       search-bench codec   --corpus DIR [--rounds 5]
"""

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "corpus": try CorpusGenerator.run(arguments: Array(arguments.dropFirst()))
    case "queries": try QueryGenerator.run(arguments: Array(arguments.dropFirst()))
    case "tokenizer": try TokenizerBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "run": try EngineBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "split": try SplitQueryBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "update": try UpdateBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "fields": try FieldsBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "cold": try ColdStartBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "cold-once": try ColdStartBenchmark.once(arguments: Array(arguments.dropFirst()))
    case "codec": try CodecBenchmark.run(arguments: Array(arguments.dropFirst()))
    case "build-once": try EngineBenchmark.buildOnce(arguments: Array(arguments.dropFirst()))
    case "-h", "--help", "help": print(usage)
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch let error as BenchError {
    FileHandle.standardError.write(Data("search-bench: \(error)\n".utf8))
    if case .usage = error { exit(2) }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("search-bench: \(error)\n".utf8))
    exit(1)
}

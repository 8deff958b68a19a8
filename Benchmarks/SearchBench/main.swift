import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "tokenizer" {
    do {
        try TokenizerBenchmark.run(arguments: Array(arguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("search-bench: \(error)\n".utf8))
        exit(1)
    }
} else {
    print("search-bench: not built yet")
}

import ChineseSearch
import Foundation
import XCTest

/// What Unix users expect of the command line: --version, help COMMAND, the colour rules, singular and plural,
/// 80-column output, completions for every command and flag, and a man page that names them all. The lists
/// of commands and flags are read from the tool's own --help, the one place a user sees them.
final class CommandLineConventionsTests: XCTestCase {
    private var folder: URL!
    private var index: String!

    override func setUpWithError() throws {
        folder = try CLIRunner.temporaryFolder(self)
        index = folder.appendingPathComponent("sample.idx").path
        XCTAssertEqual(try CLIRunner.run(["index", CLIRunner.sampleCorpus.path, "--index", index]).status, 0)
    }

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The command names listed under "Commands:" in `search --help`.
    private func commands() throws -> [String] {
        let help = try CLIRunner.run(["--help"]).stdout
        let section = try XCTUnwrap(help.components(separatedBy: "Commands:\n").last).components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .map { String($0.split(separator: " ")[0]) }
    }

    /// The flags listed under "Flags:" in `search help COMMAND`, --help included.
    private func flags(of command: String) throws -> [String] {
        let help = try CLIRunner.run(["help", command]).stdout
        let section = try XCTUnwrap(help.components(separatedBy: "Flags:\n").last)
        return section.split(separator: "\n").filter { $0.hasPrefix("  --") }.map { String($0.split(separator: " ")[0]) }
    }

    func testHelpListsTheCommandsAndEachCommandsFlags() throws {
        let names = try commands()
        for expected in ["index", "query", "analyze", "stats", "verify", "serve", "completions", "man", "help", "version"] {
            XCTAssertTrue(names.contains(expected), expected)
        }
        XCTAssertEqual(try flags(of: "query").sorted(),
                       ["--b", "--batch", "--color", "--explain", "--facet", "--help", "--index", "--json", "--k1", "--mode",
                        "--no-snippets", "--offset", "--sort", "--threads", "--title-weight", "--top"])
    }

    func testVersionFlagAndCommandPrintTheSameLine() throws {
        let flag = try CLIRunner.run(["--version"]), command = try CLIRunner.run(["version"])
        XCTAssertEqual(flag.status, 0)
        XCTAssertEqual(command.status, 0)
        XCTAssertEqual(flag.stdout, command.stdout)
        XCTAssertEqual(flag.stderr, "")
        let line = flag.stdout
        XCTAssertNotNil(line.range(of: #"^search [0-9]+\.[0-9]+\.[0-9]+ \(index format [0-9]+\)\n$"#, options: .regularExpression), line)
        XCTAssertTrue(line.contains("(index format \(IndexFormat.version))"))
        XCTAssertEqual(try CLIRunner.run(["version", "extra"]).status, 2)
    }

    func testHelpCommandEqualsTheCommandsHelpFlag() throws {
        for name in try commands() where name != "help" {
            let viaHelp = try CLIRunner.run(["help", name]), viaFlag = try CLIRunner.run([name, "--help"])
            XCTAssertEqual(viaHelp.status, 0, name)
            XCTAssertEqual(viaHelp.stdout, viaFlag.stdout, name)
            XCTAssertTrue(viaHelp.stdout.hasPrefix("Usage: search \(name)"), viaHelp.stdout)
        }
        XCTAssertEqual(try CLIRunner.run(["help"]).stdout, try CLIRunner.run(["--help"]).stdout)
        let unknown = try CLIRunner.run(["help", "frobnicate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("search: unknown command 'frobnicate'"), unknown.stderr)
    }

    func testEveryLineOfHelpFitsEightyColumns() throws {
        for arguments in [["--help"]] + (try commands()).map({ ["help", $0] }) {
            for line in try CLIRunner.run(arguments).stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(Self.columns(line), 80, "\(arguments): \(line)")
            }
        }
    }

    func testTheToolAddsItsOwnHintsToLibraryErrors() throws {
        let missing = folder.appendingPathComponent("none.idx").path
        let out = try CLIRunner.run(["query", "小米", "--index", missing])
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(out.stderr, "search: no index at '\(missing)'; build one with `search index DIR --index \(missing)`\n")
        let notAnIndex = folder.appendingPathComponent("text.idx")
        try String(repeating: "not an index ", count: 20).write(to: notAnIndex, atomically: true, encoding: .utf8)
        let wrong = try CLIRunner.run(["stats", "--index", notAnIndex.path])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.hasPrefix("search: "), wrong.stderr)
        XCTAssertFalse(wrong.stderr.dropFirst(8).contains("search: "), "the prefix appears once")
    }

    // MARK: colour

    private static let highlightColour = "\u{1B}[1;31m"

    func testColorAlwaysAndNeverOverrideTheEnvironment() throws {
        let always = try CLIRunner.run(["query", "北汽", "--color", "always", "--index", index], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(always.stdout.contains(Self.highlightColour), "always colours even with NO_COLOR set")
        XCTAssertFalse(always.stdout.contains("【"))
        let never = try CLIRunner.run(["query", "北汽", "--color", "never", "--index", index], environment: ["NO_COLOR": ""])
        XCTAssertFalse(never.stdout.contains("\u{1B}"))
        XCTAssertTrue(never.stdout.contains("【北汽】"))
        let auto = try CLIRunner.run(["query", "北汽", "--color", "auto", "--index", index], environment: ["NO_COLOR": ""])
        XCTAssertFalse(auto.stdout.contains("\u{1B}"), "auto does not colour a pipe")
        let bad = try CLIRunner.run(["query", "北汽", "--color", "sometimes", "--index", index])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--color takes auto, always or never"), bad.stderr)
    }

    /// Runs `search ARGS` with standard output on a pseudo-terminal (through script(1)), in exactly `environment`.
    private func onTerminal(_ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([CLIRunner.executable.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testAutoColoursATerminalUnlessNoColorIsNonEmptyOrTermIsDumb() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let query: [String] = ["query", "北汽", "--index", index]
        let plain = try onTerminal(query, environment: ["TERM": "xterm"])
        XCTAssertTrue(plain.contains("北汽"), plain)
        XCTAssertTrue(plain.contains(Self.highlightColour), "a terminal is coloured by default")
        XCTAssertTrue(try onTerminal(query + ["--color", "auto"], environment: ["TERM": "xterm", "NO_COLOR": ""])
            .contains(Self.highlightColour), "an empty NO_COLOR does not count")
        XCTAssertFalse(try onTerminal(query, environment: ["TERM": "xterm", "NO_COLOR": "1"]).contains("\u{1B}["))
        XCTAssertFalse(try onTerminal(query, environment: ["TERM": "dumb"]).contains("\u{1B}["))
        XCTAssertTrue(try onTerminal(query + ["--color", "always"], environment: ["TERM": "dumb"]).contains(Self.highlightColour))
    }

    // MARK: human output

    /// Display columns by a rule written here: CJK ideographs, CJK punctuation and full-width forms take two.
    private static func columns<S: StringProtocol>(_ s: S) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x3000...0x303F).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0x2E80...0x2FFF).contains(v) || (0x3040...0x33FF).contains(v) || (0xAC00...0xD7A3).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    func testOneMatchIsOneMatchingDocument() throws {
        let reference = try SampleCorpusReference(folder: CLIRunner.sampleCorpus)
        // A bigram of exactly one document, found on the files themselves.
        let bigrams = reference.documents.flatMap { $0.textTokens.filter { $0.kind == .bigram }.map(\.text) }
        let once = try XCTUnwrap(Set(bigrams).sorted().first { b in
            reference.documents.filter { SampleCorpusReference.tf(b, in: $0.textTokens) > 0 }.count == 1
        })
        let one = try CLIRunner.run(["query", once, "--index", index])
        XCTAssertEqual(one.status, 0)
        XCTAssertNotNil(one.stdout.range(of: #"\n1 matching document \("#, options: .regularExpression), one.stdout)
        let many = try CLIRunner.run(["query", "小米", "--index", index])
        XCTAssertNotNil(many.stdout.range(of: #"\n5 matching documents \("#, options: .regularExpression), many.stdout)
        let none = try CLIRunner.run(["query", "鲸鱼", "--index", index])
        XCTAssertTrue(none.stdout.hasPrefix("0 matching documents ("), none.stdout)
    }

    func testHumanOutputFitsEightyColumnsAndIsAligned() throws {
        for arguments in [["小米", "--explain"], ["北汽 工厂", "--mode", "any", "--explain"], ["汽车"]] {
            let out = try CLIRunner.run(["query"] + arguments + ["--index", index])
            let lines = out.stdout.split(separator: "\n")
            for line in lines {
                XCTAssertLessThanOrEqual(Self.columns(line), 80, "\(arguments): \(line)")
                XCTAssertFalse(line.trimmingCharacters(in: .whitespaces).hasPrefix("】"), "a bracket stays with its text: \(line)")
            }
            // Hit lines: rank right-aligned in the same width, score and title at the same columns.
            let heads = lines.filter { $0.range(of: #"^ *[0-9]+\. [0-9]+\.[0-9]{6}  "#, options: .regularExpression) != nil }
            XCTAssertFalse(heads.isEmpty)
            XCTAssertEqual(Set(heads.map { $0.firstIndex(of: ".")!.utf16Offset(in: $0) }).count, 1, "ranks aligned")
            // Explanation rows of one hit: the contribution arrow at one column.
            var arrows: [Int] = []
            for line in lines {
                if let arrow = line.range(of: "→") {
                    arrows.append(Self.columns(line[..<arrow.lowerBound]))
                } else if !arrows.isEmpty {
                    XCTAssertEqual(Set(arrows).count, 1, "\(arguments): explanation columns aligned")
                    arrows = []
                }
            }
        }
    }

    // MARK: completions and the man page

    func testCompletionScriptsNameEveryCommandAndFlag() throws {
        for shell in ["bash", "zsh", "fish"] {
            let out = try CLIRunner.run(["completions", shell])
            XCTAssertEqual(out.status, 0, shell)
            for command in try commands() {
                XCTAssertTrue(out.stdout.contains(command), "\(shell): \(command)")
                for flag in try flags(of: command) {
                    let spelled = shell == "fish" ? "-l \(flag.dropFirst(2))" : flag
                    XCTAssertTrue(out.stdout.contains(spelled), "\(shell): \(command) \(flag)")
                }
            }
        }
        XCTAssertEqual(try CLIRunner.run(["completions", "tcsh"]).status, 2)
    }

    /// What the bash completion offers for the words typed so far (the last one being completed).
    private func bashCompletion(_ words: [String], script: URL) throws -> [String] {
        try bashReplies(words, script: script).map { String($0) }
    }

    private func bashReplies(_ words: [String], script: URL) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        process.arguments = ["--norc", "-c", "source '\(script.path)'; COMP_WORDS=(search \(quoted)); COMP_CWORD=\(words.count); _search; printf '%s\\n' \"${COMPREPLY[@]}\""]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(words)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }

    func testBashCompletionOffersCommandsFlagsAndValues() throws {
        let script = folder.appendingPathComponent("search.bash")
        try CLIRunner.run(["completions", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        XCTAssertEqual(try bashCompletion(["qu"], script: script), ["query"])
        XCTAssertEqual(Set(try bashCompletion([""], script: script)), Set(try commands() + ["--help", "--version"]))
        for command in try commands() {
            XCTAssertEqual(Set(try bashCompletion([command, "--"], script: script)), Set(try flags(of: command)), command)
        }
        XCTAssertEqual(try bashCompletion(["query", "--mode", ""], script: script), ["all", "any"])
        XCTAssertEqual(try bashCompletion(["query", "--color", "a"], script: script), ["auto", "always"])
        XCTAssertEqual(try bashCompletion(["completions", "z"], script: script), ["zsh"])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("articles"), withIntermediateDirectories: true)
        XCTAssertEqual(try bashCompletion(["index", "art"], script: script), ["articles"])
    }

    func testManPageIsTheToolsOutputAndNamesEveryCommandAndFlag() throws {
        let generated = try CLIRunner.run(["man"]).stdout
        let file = try String(contentsOf: Self.root.appendingPathComponent("docs/search.1"), encoding: .utf8)
        XCTAssertEqual(file, generated, "docs/search.1 is `search man`'s output: regenerate it with `search man > docs/search.1`")
        XCTAssertTrue(file.hasPrefix(".TH SEARCH 1"))
        for command in try commands() {
            XCTAssertTrue(file.contains("\\fBsearch \(command)\\fR"), command)
            for flag in try flags(of: command) where flag != "--help" {
                XCTAssertTrue(file.contains(flag.replacingOccurrences(of: "-", with: "\\-")), "\(command) \(flag)")
            }
        }
        XCTAssertTrue(file.contains("\\-\\-help") && file.contains("\\-\\-version"))
    }
}

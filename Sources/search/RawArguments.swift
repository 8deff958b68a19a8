import ChineseSearch

/// The command-line words as the process got them: each argument's bytes, not-UTF-8 bytes kept (through
/// `FileSystemPath`) rather than replaced by U+FFFD, so a path argument in Latin-1 or Shift-JIS still names its file.
enum RawArguments {
    /// The words after the program name.
    static func words() -> [String] {
        (1..<Int(CommandLine.argc)).compactMap { i in
            CommandLine.unsafeArgv[i].map { FileSystemPath.string(fromCString: $0) }
        }
    }
}

/// Why a corpus folder could not be walked. Each case's `description` tells the user what to do.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder given as the corpus does not exist (or a component of its path is missing).
    case folderMissing(path: String)
    /// The path given as the corpus exists but is a file or something else, not a folder.
    case notAFolder(path: String)
    /// A folder in the corpus could not be opened or listed; `reason` is the system's message (`strerror`).
    case folderUnreadable(path: String, reason: String)

    /// A one-line message for the user (no program name: a command line adds its own prefix).
    public var description: String {
        switch self {
        case .folderMissing(let path):
            return "corpus folder '\(path)' does not exist; pass the folder that holds the articles"
        case .notAFolder(let path):
            return "corpus path '\(path)' is not a folder; pass the folder that holds the articles, not a single file"
        case .folderUnreadable(let path, let reason):
            return "cannot read folder '\(path)' (\(reason)); check its permissions or leave it out of the corpus"
        }
    }
}

/// Lists the files of a corpus folder; their sorted order defines document ids.
///
/// Rules, chosen so that the same folder always yields the same list and nothing outside it is read:
/// - The folder is walked recursively; names starting with "." (hidden files and folders) are skipped.
/// - Regular files are listed, whatever their extension (binary ones are skipped later, when read).
///   FIFOs, sockets and devices are never listed, so reading can never block.
/// - A symbolic link to a file is listed (under the link's own path) only when its fully resolved
///   path lies inside the resolved root and is a regular file. Dangling links are skipped.
/// - Symbolic links to folders are never followed. A folder inside the root is walked under its real
///   path anyway, one outside must not be read, and so loops cannot arise.
/// - A folder inside the root that cannot be listed (no permission, a path past `PATH_MAX`) is left out and
///   reported in `CorpusListing.skippedFolders`; the walk goes on.
/// - Paths are relative to the folder, joined with "/", sorted byte-wise (not by Unicode collation).
///   Names that are not UTF-8 are carried losslessly (`FileSystemPath`), so their files are read too.
/// - Each file's device and inode are recorded, so the reader can refuse a path that names another file
///   by the time it is read (a symbolic link retargeted, a file swapped for a FIFO).
enum CorpusWalker {
    /// Returns the relative paths of the corpus files under `directory`, sorted byte-wise.
    ///
    /// Throws `CorpusError` when `directory` is missing, not a folder or cannot be listed.
    static func files(in directory: String) throws(CorpusError) -> [String] {
        try listing(in: directory).files.map(\.path)
    }

    /// The files under `directory` (sorted byte-wise by relative path, with size and identity) and the
    /// folders inside it that could not be listed.
    ///
    /// Throws `CorpusError` when `directory` itself is missing, not a folder or cannot be listed.
    /// Cost: one `readdir` pass per folder and one `lstat` per file; 100,000 files take well under a second.
    static func listing(in directory: String) throws(CorpusError) -> CorpusListing {
        let info: FileStatus
        do { info = try System.status(ofPath: directory) } catch {
            if error.code == System.noSuchFile || error.code == System.notADirectory { throw .folderMissing(path: directory) }
            throw .folderUnreadable(path: directory, reason: error.message)
        }
        guard info.kind == .directory else { throw .notAFolder(path: directory) }
        let root: String
        do { root = try System.resolvedPath(directory) } catch {
            throw .folderUnreadable(path: directory, reason: error.message)
        }

        var walk = Walk(root: root)
        do {
            try walk.list("")
        } catch {
            throw .folderUnreadable(path: root, reason: error.message)
        }
        while let folder = walk.pending.popLast() {
            do {
                try walk.list(folder)
            } catch {
                walk.skippedFolders.append(SkippedFolder(path: folder, reason: .unreadableFolder(error.message)))
            }
        }
        let byBytes = { (a: String, b: String) in a.utf8.lexicographicallyPrecedes(b.utf8) }
        return CorpusListing(files: walk.files.sorted { byBytes($0.path, $1.path) },
                             skippedFolders: walk.skippedFolders.sorted { byBytes($0.path, $1.path) })
    }
}

/// One file a walk found.
public struct CorpusFile: Sendable, Equatable {
    /// Path relative to the corpus folder, "/"-separated.
    public var path: String
    /// Size in bytes when listed.
    public var size: Int
    /// Modification time in nanoseconds since 1970 when listed (of the link's target for a symbolic link).
    public var modificationTime: Int64
    /// Device and inode when listed (of the link's target for a symbolic link).
    public var identity: FileIdentity
}

/// A folder inside the corpus the walk could not list.
public struct SkippedFolder: Sendable, Equatable {
    /// Path relative to the corpus folder.
    public var path: String
    /// Why (`.unreadableFolder` with the system's message).
    public var reason: SkipReason
}

/// What a walk found: the files in byte-wise path order and the folders it had to leave out.
public struct CorpusListing: Sendable, Equatable {
    /// The files, sorted byte-wise by path.
    public var files: [CorpusFile]
    /// Folders that could not be listed, sorted by path.
    public var skippedFolders: [SkippedFolder]
}

/// The state of one walk: the resolved root and what was found so far.
private struct Walk {
    /// `root` followed by "/", the prefix every resolved path inside the root starts with.
    let rootPrefix: String
    let root: String
    var files: [CorpusFile] = []
    var skippedFolders: [SkippedFolder] = []
    /// Relative folder paths still to list.
    var pending: [String] = []

    init(root: String) {
        self.root = root
        rootPrefix = root.hasSuffix("/") ? root : root + "/"
    }

    /// Lists the folder at relative path `folder` ("" for the root), records its files and appends its
    /// subfolders to `pending`.
    mutating func list(_ folder: String) throws(SystemCallFailure) {
        let absoluteFolder = folder.isEmpty ? root : rootPrefix + folder
        for entry in try System.entries(ofDirectory: absoluteFolder) where entry.name.first != UInt8(ascii: ".") {
            let name = FileSystemPath.string(fromBytes: entry.name)
            let relative = folder.isEmpty ? name : folder + "/" + name
            var kind = entry.kind
            if kind == .unknown || kind == .regular {
                // One lstat per file: its size and identity, and its type where readdir did not say.
                guard let info = try? System.status(ofPath: rootPrefix + relative, followingLinks: false) else { continue }
                kind = info.kind
                if kind == .regular {
                    files.append(CorpusFile(path: relative, size: info.size, modificationTime: info.modificationNanoseconds,
                                            identity: info.identity))
                    continue
                }
            }
            switch kind {
            case .directory: pending.append(relative)
            case .symbolicLink: if let target = fileInsideRoot(linkedFrom: relative) { files.append(target) }
            default: break
            }
        }
    }

    /// The file the symbolic link at `relative` resolves to, when that is a regular file inside the root.
    private func fileInsideRoot(linkedFrom relative: String) -> CorpusFile? {
        guard let target = try? System.resolvedPath(rootPrefix + relative),
              target.utf8.starts(with: rootPrefix.utf8),
              let info = try? System.status(ofPath: target), info.kind == .regular else { return nil }
        return CorpusFile(path: relative, size: info.size, modificationTime: info.modificationNanoseconds,
                          identity: info.identity)
    }
}

/// An exclusive `flock(2)` on a file, held until `unlock()` or deinit.
///
/// Taken without waiting: when another process (or another descriptor in this one) holds the lock, `init`
/// throws `IndexError.locked` at once. The lock file is created when missing and never truncated.
final class FileLock {
    /// The locked file.
    let path: String
    private var fd: Int32?

    /// Opens (creating it when missing) and locks the file at `path`.
    init(path: String) throws(IndexError) {
        self.path = path
        let fd = try SystemFile.openForUpdate(path, create: true)
        do {
            try System.lockExclusively(fd)
        } catch {
            System.close(fd)
            if error.code == System.wouldBlock { throw .locked(path: path) }
            throw IndexError(error, path: path)
        }
        self.fd = fd
    }

    /// The writers' lock of the index at `indexPath`: `PATH.lock` beside it (never removed, so two writers can
    /// never lock two different files of one name). Throws `IndexError.locked` naming the index.
    static func forIndex(_ indexPath: String) throws(IndexError) -> FileLock {
        do {
            return try FileLock(path: indexPath + ".lock")
        } catch .locked {
            throw .locked(path: indexPath)
        }
    }

    /// Releases the lock and closes the file; later calls do nothing.
    func unlock() {
        guard let fd else { return }
        System.unlock(fd)
        System.close(fd)
        self.fd = nil
    }

    deinit { unlock() }
}

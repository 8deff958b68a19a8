import Dispatch
import Foundation

/// Names of a build's temporary files (`PATH.tmp-<pid>…`), their removal when the process is interrupted,
/// and the clean-up of those left by killed builds.
enum TemporaryFiles {
    /// The temporary path this process writes the index to before renaming it over `indexPath`; every other
    /// temporary file of the build (`.run-N`, `.positions`) extends it. The prefix is registered, so an
    /// interrupted process removes what it left (see `BuildInterruption`).
    static func path(besides indexPath: String) -> String {
        let path = "\(indexPath).tmp-\(System.processID)"
        Registry.shared.add(path)
        return path
    }

    /// Removes `PATH.tmp-<pid>…` files whose process no longer runs. Errors are ignored: it is housekeeping.
    static func removeStale(besides indexPath: String) {
        let folder = SystemFile.folder(of: indexPath)
        let prefix = (indexPath as NSString).lastPathComponent + ".tmp-"
        for name in names(in: folder, startingWith: prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != System.processID else { continue }
            if !System.processExists(pid) { SystemFile.remove("\(folder)/\(name)") }
        }
    }

    /// Removes every file of this process's registered builds that still exists (`PATH.tmp-<pid>` and its
    /// extensions). Safe to call at any time: finished builds have renamed or removed theirs already.
    static func removeOwn() {
        for prefix in Registry.shared.prefixes {
            let folder = SystemFile.folder(of: prefix)
            let name = (prefix as NSString).lastPathComponent
            for file in names(in: folder, startingWith: name) { SystemFile.remove("\(folder)/\(file)") }
        }
    }

    private static func names(in folder: String, startingWith prefix: String) -> [String] {
        let entries = (try? System.entries(ofDirectory: folder)) ?? []
        return entries.map { FileSystemPath.string(fromBytes: $0.name) }.filter { $0.hasPrefix(prefix) }
    }

    /// The temporary prefixes of this process, behind a lock.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        private let lock = NSLock()
        private var paths: Set<String> = []

        var prefixes: [String] { lock.withLock { Array(paths) } }
        func add(_ path: String) { _ = lock.withLock { paths.insert(path) } }
    }
}

/// Removal of a build's temporary files when the process is asked to stop.
///
/// A library does not take over signals on its own: a program that builds indexes (the `search` CLI does)
/// calls `removeTemporaryFilesOnTermination()` once. Then `SIGINT`, `SIGTERM` and `SIGHUP` remove every
/// temporary file of this process's builds and end the process as the signal would have.
public enum BuildInterruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let lock = NSLock()

    /// Installs the handlers (once; later calls do nothing). The handlers run on a Dispatch queue, not in the
    /// signal context, so they may take locks and list folders.
    public static func removeTemporaryFilesOnTermination() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for sig in System.terminationSignals {
                System.ignore(signal: sig)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler {
                    TemporaryFiles.removeOwn()
                    System.raiseWithDefaultAction(sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names of a build's temporary files (`PATH.tmp-<pid>…`) and the clean-up of those left by killed builds.
enum TemporaryFiles {
    /// The temporary path this process writes the index to before renaming it over `indexPath`.
    static func path(besides indexPath: String) -> String { "\(indexPath).tmp-\(getpid())" }

    /// Removes `PATH.tmp-<pid>…` files whose process no longer runs. Errors are ignored: it is housekeeping.
    static func removeStale(besides indexPath: String) {
        let folder = (indexPath as NSString).deletingLastPathComponent
        let prefix = (indexPath as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.isEmpty ? name : "\(folder)/\(name)")
            }
        }
    }
}

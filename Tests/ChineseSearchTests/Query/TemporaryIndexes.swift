import Foundation
import ChineseSearch

/// Index files built from in-memory documents into fresh folders under the temporary directory;
/// `removeAll()` (called from `tearDown`) deletes them.
final class TemporaryIndexes {
    private var folders: [URL] = []

    /// Builds an index of `documents` (document id = array index) and opens it.
    func build(_ documents: [SourceDocument], threads: Int = 2) throws -> SearchIndex {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ChineseSearchQueryTests-\(UUID().uuidString)", isDirectory: true)
        folders.append(folder)
        let path = folder.appendingPathComponent("index.csi").path
        _ = try IndexBuilder.build(documents: documents, indexPath: path, options: IndexBuildOptions(threads: threads))
        return try SearchIndex(path: path)
    }

    func removeAll() {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        folders = []
    }
}

import Foundation
import XCTest

/// A fresh folder under the system temporary directory, removed when the test ends.
struct TemporaryFolder {
    /// The folder's absolute path.
    let path: String

    /// Creates the folder and registers its removal with `test`.
    init(for test: XCTestCase) throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ChineseSearchTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
        test.addTeardownBlock { [path] in try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes `bytes` to `relativePath`, creating folders on the way; returns the absolute path.
    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes `text` as UTF-8 to `relativePath`; returns the absolute path.
    @discardableResult
    func write(_ relativePath: String, text: String) throws -> String {
        try write(relativePath, bytes: Array(text.utf8))
    }

    /// Creates the folder `relativePath`.
    func makeFolder(_ relativePath: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relativePath, withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relativePath` pointing to `destination` (taken as written).
    func link(_ relativePath: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relativePath, withDestinationPath: destination)
    }
}

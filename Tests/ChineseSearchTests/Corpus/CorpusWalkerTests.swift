import XCTest
@testable import ChineseSearch

final class CorpusWalkerTests: XCTestCase {
    func testFilesAreListedRecursivelyInByteOrderOfRelativePath() throws {
        let folder = try TemporaryFolder(for: self)
        for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "B.txt", "小米.txt", "a-b.txt", "e\u{301}.txt", "\u{E9}.txt"] {
            try folder.write(name, text: "x")
        }
        try folder.makeFolder("empty")
        // Byte order: "-" < "." < "/" < uppercase < lowercase < UTF-8 lead bytes; é (C3 A9) sorts before e + U+0301.
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), [
            "B.txt", "a-b.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt", "e\u{301}.txt", "\u{E9}.txt", "小米.txt",
        ])
    }

    func testHiddenFilesAndFoldersAreSkipped() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write(".DS_Store", text: "x")
        try folder.write(".git/HEAD", text: "x")
        try folder.write("sub/.hidden.txt", text: "x")
        try folder.write("sub/shown.txt", text: "x")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), ["sub/shown.txt"])
    }

    func testTrailingSlashAndRelativeSpellingsOfTheRootGiveTheSameList() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write("sub/a.txt", text: "x")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path + "/"), ["sub/a.txt"])
        XCTAssertEqual(try CorpusWalker.files(in: folder.path + "/sub/.."), ["sub/a.txt"])
    }

    func testSymlinkToFileInsideRootIsListedUnderItsOwnName() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write(".store/real.txt", text: "x")
        try folder.link("alias.txt", to: ".store/real.txt")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), ["alias.txt"])
    }

    func testSymlinkOutOfTheRootIsNotFollowed() throws {
        let outside = try TemporaryFolder(for: self)
        try outside.write("secret.txt", text: "x")
        try outside.write("dir/also.txt", text: "x")
        let folder = try TemporaryFolder(for: self)
        try folder.write("in.txt", text: "x")
        try folder.link("out.txt", to: outside.path + "/secret.txt")
        try folder.link("outdir", to: outside.path + "/dir")
        try folder.link("sneaky.txt", to: "../" + URL(fileURLWithPath: outside.path).lastPathComponent + "/secret.txt")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), ["in.txt"])
    }

    func testSymlinkLoopsAndDanglingLinksAreNotFollowed() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write("sub/a.txt", text: "x")
        try folder.link("sub/loop", to: "..")
        try folder.link("self", to: "self")
        try folder.link("dangling.txt", to: "missing.txt")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), ["sub/a.txt"])
    }

    func testSymlinkedDirectoryInsideRootIsNotWalkedTwice() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write("real/a.txt", text: "x")
        try folder.link("mirror", to: "real")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path), ["real/a.txt"])
    }

    func testRootGivenAsSymlinkIsWalked() throws {
        let folder = try TemporaryFolder(for: self)
        try folder.write("corpus/a.txt", text: "x")
        try folder.link("link", to: "corpus")
        XCTAssertEqual(try CorpusWalker.files(in: folder.path + "/link"), ["a.txt"])
    }

    func testMissingFolderIsAnErrorThatSaysWhatToPass() throws {
        let folder = try TemporaryFolder(for: self)
        let missing = folder.path + "/nope"
        XCTAssertThrowsError(try CorpusWalker.files(in: missing)) { error in
            XCTAssertEqual(error as? CorpusError, .folderMissing(path: missing))
            XCTAssertEqual("\(error)", "corpus folder '\(missing)' does not exist; pass the folder that holds the articles")
        }
    }

    func testFileGivenAsFolderIsAnError() throws {
        let folder = try TemporaryFolder(for: self)
        let file = try folder.write("a.txt", text: "x")
        XCTAssertThrowsError(try CorpusWalker.files(in: file)) { error in
            XCTAssertEqual(error as? CorpusError, .notAFolder(path: file))
            XCTAssertTrue("\(error)".contains("is not a folder"))
        }
        XCTAssertThrowsError(try CorpusWalker.files(in: file + "/x")) { error in
            XCTAssertEqual(error as? CorpusError, .folderMissing(path: file + "/x"))
        }
    }

    func testManyFilesAreListedQuickly() throws {
        let folder = try TemporaryFolder(for: self)
        for i in 0..<2_000 { try folder.write("d\(i % 20)/f\(i).txt", text: "") }
        let start = Date()
        XCTAssertEqual(try CorpusWalker.files(in: folder.path).count, 2_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
    }
}

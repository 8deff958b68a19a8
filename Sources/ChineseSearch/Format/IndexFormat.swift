/// Facts about the index file format that callers may show or check.
public enum IndexFormat {
    /// The format version this build writes and reads (`docs/FORMAT.md`); a file of another version is refused.
    public static let version = Int(IndexLayout.version)
}

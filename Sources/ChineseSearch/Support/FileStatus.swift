/// What a file is, as `stat` or `readdir` report it.
enum FileKind: Equatable, Sendable {
    case regular, directory, symbolicLink, other
    /// `readdir` did not say (file systems without `d_type`): ask `lstat`.
    case unknown
}

/// The facts of one `stat` call the engine uses: type, size, modification time, and the identity
/// (device and inode) that tells whether two opens reached the same file.
struct FileStatus: Equatable, Sendable {
    var kind: FileKind
    /// Size in bytes.
    var size: Int
    /// Last modification, in nanoseconds since 1970.
    var modificationNanoseconds: Int64
    /// The device holding the file.
    var device: UInt64
    /// The file's inode number on that device.
    var inode: UInt64

    /// Device and inode: equal for two paths (or descriptors) of the same file.
    var identity: FileIdentity { FileIdentity(device: device, inode: inode) }
}

/// A file's device and inode number: which file it is, whatever path reached it.
public struct FileIdentity: Hashable, Sendable {
    /// The device holding the file.
    public var device: UInt64
    /// The inode number on that device.
    public var inode: UInt64

    /// The identity of the file with inode `inode` on `device`.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

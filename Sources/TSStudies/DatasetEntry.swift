import Foundation
import TSCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An entry of a dataset folder that the reader passed over, and why (a symbolic link leading out of the
/// dataset tree or to nothing, a named pipe, a device). The reader never skips in silence: callers show these.
public struct SkippedEntry: Sendable, Equatable, CustomStringConvertible {
    /// The entry as the user named the folder, e.g. `Datasets/steffensen2011/arms.csv`.
    public var path: String
    public var reason: String

    public var description: String { "\(path): skipped: \(reason)" }
}

/// What one directory entry of a dataset tree is, after the symbolic-link policy: a link is followed only when
/// its target, with every link resolved, lies inside the tree being read; only folders and regular files are read.
/// A named pipe or device would block or stream for ever, so it is skipped too.
enum DatasetEntry: Equatable {
    case folder
    case file
    case skipped(String)

    /// The canonical absolute path (every link resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Classifies `url`; `root` is the real path of the tree being read, `rootShown` how the user named it.
    static func inspect(_ url: URL, root: String, rootShown: String) -> DatasetEntry {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return .skipped("cannot be examined (\(String(cString: strerror(errno))))") }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            guard let target = realPath(url.path) else { return .skipped("a symbolic link whose target does not exist") }
            guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                return .skipped("a symbolic link to \(InputError.quoted(target)), outside \(InputError.quoted(rootShown)); links are followed only within the folder read")
            }
            guard stat(target, &st) == 0 else { return .skipped("a symbolic link whose target cannot be examined") }
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .skipped("neither a folder nor a regular file (a pipe, socket or device is not read)")
        }
    }
}

/// A file an answer was computed from: its name (relative to its dataset folder, never an absolute path), its size and the SHA-256 of its bytes
/// (the reproducibility stamp a report prints beside the TrialStats version).
public struct InputFile: Sendable, Equatable, Hashable {
    public var name: String
    public var bytes: Int
    public var sha256: String

    /// The stamp of a file read as UTF-8 `text` (its bytes are the text's UTF-8 encoding).
    public init(name: String, text: String) {
        self.name = name
        self.bytes = text.utf8.count
        self.sha256 = SHA256.hex(text.utf8)
    }
}

/// A rejected input, located by the flag that carried it (`--sd`) or by `file:line:column`.
/// Its description is the one-line message the CLI prints before exiting non-zero.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

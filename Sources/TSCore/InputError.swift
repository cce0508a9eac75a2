/// Where a rejected input came from. The library names its own parameters (`parameter("sd")`) or a
/// position in a file it read; only the command-line tool knows flags, and it maps parameters to them.
public enum InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// A parameter of a library call, by its name in the API (`sd`, `level`, `rows`).
    case parameter(String)
    /// A command-line flag as typed (`--sd`); created by the command-line tool only.
    case flag(String)
    /// A cell or character in a file: `file:line:column`, lines and columns from 1.
    case position(file: String, line: Int, column: Int)
    /// A whole file or folder.
    case path(String)

    public var description: String {
        switch self {
        case .parameter(let p): return p
        case .flag(let f): return f
        case .position(let file, let line, let column): return "\(file):\(line):\(column)"
        case .path(let p): return p
        }
    }

    /// The parameter name, when this is one.
    public var parameterName: String? {
        if case .parameter(let p) = self { return p }
        return nil
    }
}

/// A rejected input and where it came from. Its description is `location: message`, the one line the
/// command-line tool prints (after mapping a parameter to its flag) before exiting non-zero.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: InputLocation
    public var message: String

    public init(_ location: InputLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// The same message at another location (the command-line tool's parameter → flag mapping).
    public func relocated(_ location: InputLocation) -> InputError { InputError(location, message) }

    public var description: String { "\(location): \(message)" }
}

/// A string literal names a library parameter: `InputError("sd", "must be > 0")`.
extension InputLocation: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .parameter(value) }
}

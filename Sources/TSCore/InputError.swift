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

extension InputError {
    /// Longest text a message quotes whole; a longer one is cut and its length given.
    public static let quotedLimit = 100

    /// Text from the input as a message quotes it: in double quotes, on one line (line breaks, tabs and other
    /// control characters shown as `\n`, `\t`, `\u{…}`), and cut once what is shown reaches `quotedLimit`
    /// characters (escapes counted as shown, so 100 NUL bytes do not become 600 characters), with the whole
    /// length named, so a message never echoes a 10 MB cell.
    public static func quoted(_ text: some StringProtocol) -> String {
        var shown = String.UnicodeScalarView(), width = 0, cut = false
        scan: for u in text.unicodeScalars {
            let piece: String
            switch u {
            case "\n": piece = "\\n"
            case "\r": piece = "\\r"
            case "\t": piece = "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value)
                         || u.value == 0x2028 || u.value == 0x2029:
                piece = "\\u{\(String(u.value, radix: 16))}"
            default:
                guard width < quotedLimit else { cut = true; break scan }
                shown.append(u); width += 1
                continue
            }
            guard width + piece.unicodeScalars.count <= quotedLimit else { cut = true; break scan }
            shown.append(contentsOf: piece.unicodeScalars); width += piece.unicodeScalars.count
        }
        return cut ? "\"\(String(shown))…\" (\(text.count) characters)" : "\"\(String(shown))\""
    }
}

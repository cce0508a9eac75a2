import ArgumentParser
import Foundation
import TrialStatsKit

/// The exit statuses of every command (sysexits.h values where one fits).
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Done; for `certify`, every target met.
    case ok = 0
    /// The input was read and accepted but the result could not be produced: a model that cannot be fitted,
    /// a NIST certification target missed.
    case failure = 1
    /// The command line is wrong: an unknown or missing flag, a value that is not accepted, flags that conflict.
    case usage = 64
    /// An input file was read but its contents are wrong (`file:line:column`), or rows of a `--data` file were skipped.
    case dataError = 65
    /// An input file or folder is missing or cannot be read.
    case noInput = 66
    /// Standard output or an output file could not be written.
    case ioError = 74
}

/// A failure with its one-line message (`--flag: what is wrong, and what is accepted`) and exit status.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var status: ExitStatus

    static func usage(_ flag: String, _ message: String) -> CLIFailure { CLIFailure(message: "\(flag): \(message)", status: .usage) }
    static func data(_ message: String) -> CLIFailure { CLIFailure(message: message, status: .dataError) }
    static func noInput(_ message: String) -> CLIFailure { CLIFailure(message: message, status: .noInput) }
    static func failure(_ message: String) -> CLIFailure { CLIFailure(message: message, status: .failure) }
    /// Nothing more to print: the command already reported on standard error.
    static func silent(_ status: ExitStatus) -> CLIFailure { CLIFailure(message: "", status: status) }

    var description: String { message }
}

/// A usage error thrown from `validate()`: ArgumentParser reports it with status 64.
func usageError(_ flag: String, _ message: String) -> ValidationError {
    ValidationError("\(flag): \(message)")
}

/// The one mechanism that turns library errors into the tool's errors. Each command that calls the library
/// gives a table from the library's parameter names to its own flags; a parameter missing from the table
/// is shown by its library name, never as a flag the command does not have.
struct FlagMap: Sendable {
    var flags: [String: String]

    init(_ flags: [String: String]) { self.flags = flags }

    /// Runs a library call; an `InputError` or `DistributionError` becomes a `CLIFailure` naming the flag.
    func checked<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as InputError {
            throw failure(e)
        } catch let e as DistributionError {
            throw CLIFailure.usage(flags[e.parameter] ?? e.parameter, e.message)
        }
    }

    /// A library error with its parameter replaced by this command's flag.
    func flagged(_ e: InputError) -> InputError {
        guard let p = e.location.parameterName, let flag = flags[p] else { return e }
        return e.relocated(.flag(flag))
    }

    /// The failure for a library input error: a flag is a usage error; a file position is bad data;
    /// a path that cannot be read is missing input.
    func failure(_ error: InputError) -> CLIFailure {
        let e = flagged(error)
        switch e.location {
        case .flag, .parameter: return CLIFailure(message: e.description, status: .usage)
        case .position: return CLIFailure(message: e.description, status: .dataError)
        case .path(let p):
            let readable = p == "<stdin>" || FileManager.default.isReadableFile(atPath: p)
            return CLIFailure(message: e.description, status: readable ? .dataError : .noInput)
        }
    }
}

/// Opens a file given to `flag` for reading ("-" is standard input); a folder or a missing file is refused.
func openInput(_ path: String, flag: String) throws -> (FileHandle, String) {
    if path == "-" { return (FileHandle.standardInput, "<stdin>") }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIFailure(message: "\(flag): no such file \(path); give a CSV file, or - for standard input", status: .noInput)
    }
    if isDirectory.boolValue {
        throw CLIFailure(message: "\(flag): \(path) is a folder; give a CSV file, or - for standard input", status: .usage)
    }
    guard let h = FileHandle(forReadingAtPath: path) else {
        throw CLIFailure(message: "\(flag): cannot read \(path)", status: .noInput)
    }
    return (h, path)
}

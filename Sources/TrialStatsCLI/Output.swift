#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a command's output goes: standard output for results, standard error for the one-line error.
/// `FileDescriptorSink` writes to file descriptors 1 and 2; `BufferSink` collects both for in-process tests.
public protocol OutputSink: AnyObject, Sendable {
    /// Writes result bytes; throws `OutputWriteError` when they cannot be written.
    func writeOutput(_ bytes: [UInt8]) throws
    /// Writes diagnostic bytes (errors, progress); failures are ignored, there is nowhere left to report them.
    func writeError(_ bytes: [UInt8])
    /// Whether standard error is a terminal (progress counters are shown only then).
    var errorIsTerminal: Bool { get }
}

/// A failed write of results: the message names the reason (a full disk, a closed pipe).
public struct OutputWriteError: Error, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { "error writing standard output: \(reason)" }
}

/// Writes to file descriptors 1 and 2 with write(2), retrying after interruptions and partial writes.
/// A closed pipe is an error (EPIPE, exit status 74), not a signal that kills the process.
public final class FileDescriptorSink: OutputSink {
    public init() {
        signal(SIGPIPE, SIG_IGN)
    }

    public func writeOutput(_ bytes: [UInt8]) throws {
        if let errno = Self.write(bytes, to: 1) { throw OutputWriteError(reason: String(cString: strerror(errno))) }
    }

    public func writeError(_ bytes: [UInt8]) {
        _ = Self.write(bytes, to: 2)
    }

    public var errorIsTerminal: Bool { isatty(2) != 0 }

    /// Nil on success, else the errno of the failed write.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { buffer in
                #if canImport(Glibc)
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}

/// Collects standard output and standard error in memory (in-process tests, embedding the tool).
public final class BufferSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var out: [UInt8] = []
    private var err: [UInt8] = []

    public init() {}

    public func writeOutput(_ bytes: [UInt8]) throws { lock.withLock { out += bytes } }
    public func writeError(_ bytes: [UInt8]) { lock.withLock { err += bytes } }
    public var errorIsTerminal: Bool { false }

    /// Everything written to standard output, as UTF-8.
    public var standardOutput: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    /// Everything written to standard error, as UTF-8.
    public var standardError: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}

/// The sink of the command now running (bound by `TrialStatsCommand.run(_:sink:columns:)`).
enum Output {
    @TaskLocal static var sink: any OutputSink = FileDescriptorSink()

    /// Writes text and a terminator to standard output.
    static func print(_ text: String, terminator: String = "\n") throws {
        try sink.writeOutput(Array((text + terminator).utf8))
    }

    static func write(_ bytes: [UInt8]) throws {
        try sink.writeOutput(bytes)
    }

    /// Writes one line to standard error; a line break inside it (from an argument as typed) is shown as
    /// `\n`, so a message is always one line.
    static func diagnostic(_ line: String) {
        let one = line.replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
        sink.writeError(Array((one + "\n").utf8))
    }
}

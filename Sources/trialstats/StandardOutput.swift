#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// Standard output that reports its write errors (a full disk, a closed pipe) instead of crashing or losing
/// output in silence: the program ignores SIGPIPE and writes with write(2), so every failed write is seen.
enum StandardOutput {
    /// Writes the text and a terminator; a failed write throws (exit status 74 after one line on stderr).
    static func print(_ text: String, terminator: String = "\n") throws {
        try write(Array((text + terminator).utf8))
    }

    /// Writes bytes to file descriptor 1, retrying after interruptions and partial writes.
    static func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { buffer in
                Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += n
        }
    }

    /// One line on standard error naming the failure; exit status 74 (EX_IOERR, sysexits.h).
    static func failure() -> ExitCode {
        let line = Array("trialstats: error writing standard output: \(String(cString: strerror(errno)))\n".utf8)
        _ = line.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress!, $0.count) }
        return ExitCode(74)
    }

    /// Writes to a closed pipe fail with EPIPE instead of killing the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}

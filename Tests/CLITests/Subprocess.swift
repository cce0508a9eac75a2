import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process with `posix_spawn`, standard input fed from memory, standard output and
/// error captured (or sent to a file), an optional working folder and address-space cap (applied by `/bin/sh`
/// before it execs the program) and an optional deadline after which the child gets SIGKILL.
///
/// Foundation's `Process.run()` is not used: in swift-corelibs-foundation 6.3 it reads `/proc/self/fd` with a
/// 256-byte copy of each `dirent` and crashes intermittently (SIGSEGV in `memcpy`) when a record sits at the end
/// of glibc's buffer (swift-corelibs-foundation pull request 5472). A test suite that spawns hundreds of children
/// on several threads hits it.
enum Subprocess {
    /// Where a child's standard output or error goes.
    enum Sink {
        case capture
        /// A file opened for writing (for example `/dev/full`, on which every write fails).
        case file(String)
    }

    struct Result {
        /// The exit status, or 128 + the signal number when a signal ended the child.
        var status: Int32
        /// The signal that ended the child, if one did.
        var signal: Int32?
        var stdout: Data
        var stderr: Data
        /// Whether the deadline passed and the child was killed.
        var timedOut: Bool
    }

    private static let spawnLock = NSLock()

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data = Data(), in folder: URL? = nil,
                    memoryKiB: Int? = nil, stdout: Sink = .capture, stderr: Sink = .capture,
                    killAfter seconds: Double? = nil) throws -> Result {
        var argv: [String]
        if folder != nil || memoryKiB != nil {
            var script = ""
            if let memoryKiB { script += "ulimit -v \(memoryKiB) && " }
            script += "cd -- \"$0\" && exec \"$@\""
            argv = ["/bin/sh", "-c", script, folder?.path ?? "."] + [executable] + arguments
        } else {
            argv = [executable] + arguments
        }

        // Pipes are made close-on-exec and the child spawned under one lock, so that no child spawned on another
        // thread inherits this child's pipe ends (which would hold them open after this child exits).
        spawnLock.lock()
        var spawnLocked = true
        defer { if spawnLocked { spawnLock.unlock() } }
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            for fd in inPipe + outPipe + errPipe where fd >= 0 { close(fd) }
            throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        for (sink, pipe, fd) in [(stdout, outPipe, Int32(1)), (stderr, errPipe, Int32(2))] {
            switch sink {
            case .capture: posix_spawn_file_actions_adddup2(&actions, pipe[1], fd)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        // The child starts with SIGPIPE at its default action and no signal blocked, whatever the test process set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults); sigaddset(&defaults, SIGPIPE); sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        spawnLock.unlock()
        spawnLocked = false
        guard spawned == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw SpawnError(description: "posix_spawn \(argv[0]): \(String(cString: strerror(spawned)))")
        }

        let deadline = seconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
        var timedOut = false
        var output = Data(), errors = Data()
        var inFD: Int32 = inPipe[1], outFD: Int32 = outPipe[0], errFD: Int32 = errPipe[0]
        // A stream sent to a file has no pipe to read.
        if case .file = stdout { close(outFD); outFD = -1 }
        if case .file = stderr { close(errFD); errFD = -1 }
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        var written = 0
        if stdin.isEmpty { close(inFD); inFD = -1 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while outFD >= 0 || errFD >= 0 || inFD >= 0 {
            var fds = [pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0),
                       pollfd(fd: outFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)]
            var timeout: Int32 = -1
            if let deadline, !timedOut {
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= deadline {
                    timedOut = true
                    kill(pid, SIGKILL)
                    continue
                }
                timeout = Int32(min(UInt64(Int32.max), (deadline - now) / 1_000_000 + 1))
            }
            let ready = poll(&fds, 3, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw SpawnError(description: "poll: \(String(cString: strerror(errno)))")
            }
            if inFD >= 0, fds[0].revents != 0 {
                let n = stdin.withUnsafeBytes { raw in
                    write(inFD, raw.baseAddress! + written, raw.count - written)
                }
                if n > 0 { written += n }
                // The child closed its end (EPIPE) or all was written: stop feeding it.
                if (n < 0 && errno != EAGAIN && errno != EINTR) || written == stdin.count { close(inFD); inFD = -1 }
            }
            for (index, isOut) in [(1, true), (2, false)] where fds[index].revents != 0 {
                let fd = isOut ? outFD : errFD
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    if isOut { output.append(buffer, count: n) } else { errors.append(buffer, count: n) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fd)
                    if isOut { outFD = -1 } else { errFD = -1 }
                }
            }
        }

        // Reap the child; a deadline still applies while it runs with nothing left to read.
        var raw: Int32 = 0
        while true {
            let reaped = waitpid(pid, &raw, deadline == nil || timedOut ? 0 : WNOHANG)
            if reaped == pid { break }
            if reaped < 0 {
                if errno == EINTR { continue }
                throw SpawnError(description: "waitpid: \(String(cString: strerror(errno)))")
            }
            if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
            } else {
                usleep(5_000)
            }
        }
        let signal = raw & 0x7f
        if signal != 0 {
            return Result(status: 128 + signal, signal: signal, stdout: output, stderr: errors, timedOut: timedOut)
        }
        return Result(status: (raw >> 8) & 0xff, signal: nil, stdout: output, stderr: errors, timedOut: timedOut)
    }
}

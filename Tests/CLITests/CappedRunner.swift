import Foundation

/// Runs the built `trialstats` as a subprocess under a memory cap (the address-space limit `ulimit -v`, set by
/// `/bin/sh` before it execs the tool) and a time cap (SIGKILL when it runs out), in a given working folder.
/// A command that hangs or grows without bound fails its test instead of stalling or exhausting the machine.
enum CappedRunner {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        /// Whether the time cap killed it.
        var timedOut: Bool
    }

    /// Address-space cap (4 GiB) and time cap (30 s): far above what any accepted or refused input needs
    /// (the slowest case of the malformed corpus takes under 2 s in a debug build), far below a runaway.
    static let memoryKiB = 4 << 20
    static let seconds = 30.0

    static func run(_ arguments: [String], stdin: Data = Data(), in folder: URL,
                    memoryKiB: Int = memoryKiB, seconds: Double = seconds) throws -> Result {
        let r = try Subprocess.run(CLIRunner.executable.path, arguments, stdin: stdin, in: folder,
                                   memoryKiB: memoryKiB, killAfter: seconds)
        return Result(status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.timedOut)
    }
}

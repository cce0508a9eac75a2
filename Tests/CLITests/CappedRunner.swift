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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryKiB) && exec \"$0\" \"$@\"", CLIRunner.executable.path] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let killed = Killed()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            if process.isRunning { killed.set(); kill(pid, SIGKILL) }
        }
        // Read both pipes at once so that neither fills and blocks the tool.
        let group = DispatchGroup()
        let errData = Box()
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: errData.data, timedOut: killed.value)
    }

    private final class Box: @unchecked Sendable { var data = Data() }
    private final class Killed: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.lock(); flag = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    }
}

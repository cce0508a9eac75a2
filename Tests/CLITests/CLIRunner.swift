import Foundation
import TrialStatsCLI

/// What one run of `trialstats` gave.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// Help is wrapped at this width in process, so help snapshots do not depend on the terminal.
    static let columns = 100

    /// Runs the tool in process (`TrialStatsCommand.run`); with `stdin`, as a subprocess fed that text.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
        if let stdin { return try subprocess(arguments, stdin: stdin) }
        let sink = BufferSink()
        let status = TrialStatsCommand.run(arguments, sink: sink, columns: columns)
        return CLIResult(status: status, stdout: sink.standardOutput, stderr: sink.standardError)
    }

    /// The `trialstats` binary beside the test bundle (SwiftPM builds it because this test target
    /// depends on the executable target).
    static let executable: URL = {
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("trialstats")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return runner.deletingLastPathComponent().appendingPathComponent("trialstats")
    }()

    /// Runs the built executable end to end (exit status, standard input and output as file descriptors).
    static func subprocess(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
        let r = try Subprocess.run(executable.path, arguments, stdin: Data((stdin ?? "").utf8))
        return CLIResult(status: r.status,
                         stdout: String(decoding: r.stdout, as: UTF8.self),
                         stderr: String(decoding: r.stderr, as: UTF8.self))
    }
}

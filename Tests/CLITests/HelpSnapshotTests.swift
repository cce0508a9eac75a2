import Foundation
import Testing

/// The help of the tool and of every command, wrapped at 100 columns, against the committed snapshots in
/// `Tests/CLITests/Snapshots/`. Re-record after a deliberate change with
/// `TRIALSTATS_RECORD_HELP=1 swift test --filter HelpSnapshots`, then review the diff.
@Suite struct HelpSnapshots {
    static let commands = ["", "means", "audit", "counts", "proportion", "model", "certify", "dist", "report"]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["TRIALSTATS_RECORD_HELP"] == "1" }

    @Test(arguments: commands)
    func helpMatchesSnapshot(command: String) throws {
        let r = try CLIRunner.run((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let file = Self.folder.appendingPathComponent("help-\(command.isEmpty ? "trialstats" : command).txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try r.stdout.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(r.stdout == expected, "help of \(command.isEmpty ? "trialstats" : command) changed; re-record with TRIALSTATS_RECORD_HELP=1")
    }

    /// Defaults are stated once, by ArgumentParser ("(default: 0.95)"), and no line is wider than the columns
    /// (ArgumentParser does not wrap the USAGE line).
    @Test(arguments: commands)
    func helpReadsWell(command: String) throws {
        let r = try CLIRunner.run((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(!r.stdout.contains("(default "), "\(command)")
        for line in r.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= CLIRunner.columns, "\(command): \(line)")
        }
    }
}

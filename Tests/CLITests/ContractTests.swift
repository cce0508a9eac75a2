import Foundation
import Testing
import TrialStatsCLI
import TSCore

/// What every command shares: the version, one error line with the flag, the exit statuses, JSON numbers,
/// and write errors on standard output.
@Suite struct CLIContract {
    /// A sink whose standard output always fails, as a full disk does.
    final class FullSink: OutputSink, @unchecked Sendable {
        var errors: [UInt8] = []
        func writeOutput(_ bytes: [UInt8]) throws { throw OutputWriteError(reason: "No space left on device") }
        func writeError(_ bytes: [UInt8]) { errors += bytes }
        var errorIsTerminal: Bool { false }
    }

    @Test func versionIsTheLibraryVersion() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0 && r.stdout == "trialstats \(TrialStatsVersion.current)\n" && r.stderr.isEmpty)
    }

    @Test func exitStatusesAreTheDocumentedOnes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 64, 65, 66, 74])
    }

    @Test(arguments: [
        ["means", "--n", "5", "--mean", "1", "--sd", "x"],
        ["audit", "--mean", "1", "--sd", "-1"],
        ["counts", "--table", "1,2;3"],
        ["proportion", "--events", "8", "--n", "7"],
        ["model", "--outcome", "y", "--arm", "g"],
        ["certify", "--datasets", "Nope"],
        ["dist", "t", "--df", "0", "--cdf", "1"],
        ["report", "Datasets/ooms1995"],
        ["means", "--nonsense", "1"],
        ["nonsense"],
    ])
    func usageErrorsAreOneLineNamingWhatIsWrong(arguments: [String]) throws {
        let r = try CLIRunner.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(arguments): \(r.stderr)")
        #expect(r.stderr.hasPrefix("trialstats: "), "\(arguments): \(r.stderr)")
        if arguments.count > 1 { #expect(r.stderr.hasPrefix("trialstats: --"), "\(arguments): \(r.stderr)") }
    }

    @Test func missingInputIsStatus66() throws {
        let report = try CLIRunner.run(["report", "/nonexistent/study", "--out", FileManager.default.temporaryDirectory.path + "/trialstats-none"])
        #expect(report.status == 66 && report.stderr.split(separator: "\n").count == 1, "\(report.stderr)")
        let model = try CLIRunner.run(["model", "--data", "/nonexistent.csv", "--outcome", "y", "--arm", "g"])
        #expect(model.status == 66 && model.stderr.hasPrefix("trialstats: --data: "))
    }

    @Test func writeFailuresInProcessAreStatus74() {
        let sink = FullSink()
        let status = TrialStatsCommand.run(["dist", "t", "--df", "3", "--quantile", "0.975"], sink: sink, columns: 100)
        #expect(status == 74)
        #expect(String(decoding: sink.errors, as: UTF8.self) == "trialstats: error writing standard output: No space left on device\n")
    }

    @Test func jsonNumbersAreNumbers() throws {
        let r = try CLIRunner.run(["means", "--n", "35,33", "--mean=-0.7,-1.4", "--sd", "2.7,2.7", "--labels", "D3,Placebo", "--format", "json"])
        #expect(r.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["level"] as? Double == 0.95 && rows[0]["arm"] as? String == "D3")
        #expect(rows[2]["comparison"] as? String == "D3 - Placebo" && rows[2]["df"] is NSNumber)
        #expect(r.stdout.contains("\"level\": 0.95,") || r.stdout.contains("\"level\": 0.95}"))
        // Keys in a fixed order: the standard columns, then the extras sorted.
        let keys = r.stdout.split(separator: "\n")[1].components(separatedBy: "\": ").dropLast().map { $0.components(separatedBy: "\"").last! }
        #expect(Array(keys.prefix(9)) == ["quantity", "estimate", "se", "ci_lower", "ci_upper", "statistic", "df", "p_value", "method"])
        #expect(Array(keys.dropFirst(9)) == keys.dropFirst(9).sorted())
    }

    @Test func reportTakesFormat() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("trialstats-report-\(getpid())")
        defer { try? FileManager.default.removeItem(at: out) }
        let text = try CLIRunner.run(["report", "Datasets/ooms1995", "--out", out.path])
        #expect(text.status == 0 && text.stdout.hasPrefix("wrote ") && text.stdout.hasSuffix(" files for 1 study to \(out.path)\n"), "\(text.stderr)")
        let files = Int(text.stdout.split(separator: " ")[1])
        let json = try CLIRunner.run(["report", "Datasets/ooms1995", "--out", out.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["files"] as? Int == files && object["studies"] as? Int == 1 && object["output"] as? String == out.path)
        let csv = try CLIRunner.run(["report", "Datasets/ooms1995", "--out", out.path, "--format", "csv"])
        #expect(csv.stdout == "files,studies,output\n\(files ?? 0),1,\(out.path)\n")
    }

    /// An entry the dataset reader passes over is named on standard error; the report still completes.
    @Test func reportNamesWhatItSkips() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("trialstats-skip-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("D"), withIntermediateDirectories: true)
        try fm.copyItem(at: URL(fileURLWithPath: "Datasets/ooms1995"), to: root.appendingPathComponent("D/ooms1995"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("D/gone").path, withDestinationPath: "nowhere")
        let d = root.appendingPathComponent("D").path, out = root.appendingPathComponent("R").path
        let r = try CLIRunner.run(["report", d, "--out", out])
        #expect(r.status == 0 && r.stdout.hasSuffix(" files for 1 study to \(out)\n"))
        #expect(r.stderr == "trialstats: warning: \(d)/gone: skipped: a symbolic link whose target does not exist\n")
    }

    /// End to end through the executable: status codes and streams as the shell sees them.
    @Test func executableExitStatuses() throws {
        let ok = try CLIRunner.subprocess(["--version"])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("trialstats "))
        let usage = try CLIRunner.subprocess(["means", "--n", "35,330", "--mean", "1,2", "--sd", "1,1"])
        #expect(usage.status == 64 && usage.stderr.hasPrefix("trialstats: --n: ") && usage.stdout.isEmpty)
        let missing = try CLIRunner.subprocess(["means", "--data", "/nonexistent/rows.csv"])
        #expect(missing.status == 66)
        let data = try CLIRunner.subprocess(["means", "--data", "-"], stdin: "n,mean,sd\n10,x,1\n")
        #expect(data.status == 65 && data.stderr.contains("<stdin>:2:4"))
    }
}

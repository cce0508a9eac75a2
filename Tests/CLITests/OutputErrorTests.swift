import Foundation
import Testing

/// Write errors on standard output and a folder given as a data file end with one line on standard error and a
/// non-zero status, never a crash.
@Suite struct OutputErrors {
    /// Runs trialstats with standard output on /dev/full (every write fails with ENOSPC).
    func runToFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let r = try Subprocess.run(CLIRunner.executable.path, arguments, stdout: .file("/dev/full"))
        return (r.status, String(decoding: r.stderr, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func writeErrorsAreOneLineAndStatus74() throws {
        let rows = FileManager.default.temporaryDirectory.appendingPathComponent("trialstats-rows-\(getpid()).csv")
        try "n1,mean1,sd1,n2,mean2,sd2\n10,1,2,12,2,3\n".write(to: rows, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: rows) }
        for args in [["means", "--data", rows.path, "--format", "csv"], ["dist", "t", "--df", "3", "--quantile", "0.975"],
                     ["audit", "--mean", "1", "--sd", "2", "--n", "5", "--ci", "0,2"]] {
            let r = try runToFullDevice(args)
            #expect(r.status == 74, "\(args)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("error writing standard output"), "\(args): \(r.stderr)")
        }
    }

    @Test func aFolderAsDataIsRefused() throws {
        let r = try CLIRunner.run(["means", "--data", FileManager.default.temporaryDirectory.path])
        #expect(r.status == 64 && r.stderr.contains("--data") && r.stderr.contains("is a folder"))
    }
}

@Suite struct CountsCostBoundCLI {
    @Test func hugeTablesSkipExactTestsWithAReason() throws {
        // A total of 2×10^15 asked for 1.6×10^16 bytes; the exact tests now say why they are not computed.
        for table in ["2000000000000000,3;2,4", "2000000000000000,3,1;2,4,1"] {
            let r = try CLIRunner.run(["counts", "--table", table, "--ordered"])
            #expect(r.status == 0 && r.stdout.contains("not computed: the exact test") && r.stdout.contains("chi_square"), "\(table)")
        }
    }
}

/// Inputs that used to be accepted in silence with a wrong or misleading result.
@Suite struct SilentAcceptance {
    @Test func aCIThatExcludesItsMeanIsRefused() throws {
        let r = try CLIRunner.run(["means", "--n", "10", "--mean", "5", "--ci", "0,2"])
        #expect(r.status == 64 && r.stderr.contains("--ci") && r.stderr.contains("does not contain the mean"))
    }

    @Test func aPercentageIsNotACount() throws {
        let r = try CLIRunner.run(["proportion", "--events", "5%", "--n", "50"])
        #expect(r.status == 64 && r.stderr.contains("--events") && r.stderr.contains("percentage"))
    }

    @Test func anEmptyOutputFolderIsRefused() throws {
        let r = try CLIRunner.run(["report", "Datasets/ooms1995", "--out", ""])
        #expect(r.status == 64 && r.stderr.contains("--out"))
    }
}

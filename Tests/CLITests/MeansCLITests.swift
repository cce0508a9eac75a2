import Foundation
import Testing

/// Runs `trialstats` through `CLIRunner` (in process; as a subprocess when `stdin` is given).
func runTrialstats(_ args: [String], stdin: String? = nil) throws -> (out: String, err: String, status: Int32) {
    let r = try CLIRunner.run(args, stdin: stdin)
    return (r.stdout, r.stderr, r.status)
}

@Suite struct MeansCLI {
    @Test func oneArmCSVHasStandardColumnsAndFullPrecision() throws {
        let r = try runTrialstats(["means", "--n", "33", "--mean", "-1.4", "--sd", "2.7", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines[0].hasPrefix("quantity,estimate,se,ci_lower,ci_upper,statistic,df,p_value,method"))
        #expect(lines[1].hasPrefix("arm_mean,-1.3999999999999999,0.47000967108038422,"))
    }

    @Test func printedNumbersAreAcceptedAsPapersPrintThem() throws {
        let a = try runTrialstats(["means", "--n", "35,33", "--mean", "−0.7,−1.4", "--sd", "2.7,2.7", "--format", "csv"])
        let b = try runTrialstats(["means", "--n=35,33", "--mean=-0.7,-1.4", "--sd=+2.7,2.7", "--format=csv"])
        #expect(a.status == 0 && a.out == b.out)
        let c = try runTrialstats(["means", "--n", "1725", "--mean", "3", "--se", "0.1", "--format", "csv"])
        #expect(c.out.contains(",1724,"))   // df = n − 1 with n = 1725
        // "1,725" could be two arms or one number with a thousands separator: refused, naming both readings.
        let d = try runTrialstats(["means", "--n", "1,725", "--mean", "3", "--se", "0.1"])
        #expect(d.status == 64 && d.err.hasPrefix("trialstats: --n: ") && d.err.contains("1725") && d.out.isEmpty)
        let e = try runTrialstats(["means", "--n", "35, 330", "--mean", "1,2", "--sd", "1,1", "--format", "csv"])
        #expect(e.status == 0 && e.out.contains("difference_in_means"), "\(e.err)")
    }

    @Test func badInputNamesTheFlagAndFails() throws {
        for (args, flag) in [(["--n", "1", "--mean", "1", "--sd", "1"], "--n"),
                             (["--n", "5,5", "--mean", "1,2", "--sd", "1,0"], "--sd"),
                             (["--n", "5,5,5", "--mean", "1,2", "--sd", "1,1"], "--n"),
                             (["--n", "5", "--mean", "1", "--ci", "3,1"], "--ci"),
                             (["--n", "5", "--mean", "1", "--sd", "1", "--conf-level", "1.5"], "--conf-level"),
                             (["--n", "5", "--mean", "1", "--sd", "1", "--conf-level", "100%"], "--conf-level"),
                             (["--n", "5", "--mean", "1", "--sd", "1", "--level", "0.9"], "--level")] {
            let r = try runTrialstats(["means"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.err.hasPrefix("trialstats: " + flag + ":"), "\(args): \(r.err)")
            #expect(r.status == 64 && r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
    }

    @Test func batchStreamsRowsAndLocatesBadOnes() throws {
        let csv = "id,n1,mean1,sd1,n2,mean2,sd2\r\nsteff,35,−0.7,2.7,33,−1.4,2.7\r\nbad,35,-0.7,abc,33,-1.4,2.7\r\nok,10,1,1,10,2,1\r\n"
        let r = try runTrialstats(["means", "--data", "-", "--format", "csv", "--method", "student"], stdin: csv)
        #expect(r.status == 65)
        #expect(r.err.contains("<stdin>:3:13: expected a number"))
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 3)   // header + two good rows
        #expect(lines[1].contains("steff") && lines[2].contains(",ok,"))
        let strict = try runTrialstats(["means", "--data", "-", "--format", "csv", "--strict"], stdin: csv)
        #expect(strict.status == 65 && !strict.out.contains(",ok,"))
    }

    @Test func confidenceLevelsAcceptFractionPercentAndPercentSign() throws {
        let forms = try ["0.9", "90", "90%"].map { level in
            try runTrialstats(["means", "--n", "33", "--mean", "-1.4", "--sd", "2.7", "--conf-level", level, "--format", "csv"])
        }
        #expect(forms.allSatisfy { $0.status == 0 && $0.out == forms[0].out })
        #expect(forms[0].out.contains(",0.9\n") || forms[0].out.contains(",0.9,"))
        for bad in ["0.4", "49%", "100", "1", "abc"] {
            let r = try runTrialstats(["means", "--n", "33", "--mean", "-1.4", "--sd", "2.7", "--conf-level", bad])
            #expect(r.status == 64 && r.err.hasPrefix("trialstats: --conf-level: ") && r.err.contains("95%"), "\(bad): \(r.err)")
        }
    }

    @Test func methodNamesTheTwoArmMethod() throws {
        let student = try runTrialstats(["means", "--n", "35,33", "--mean=-0.7,-1.4", "--sd", "2.7,2.7", "--method", "student", "--format", "csv"])
        #expect(student.status == 0 && student.out.contains(",66,"))   // pooled df = 35 + 33 − 2
        let old = try runTrialstats(["means", "--n", "35,33", "--mean=-0.7,-1.4", "--sd", "2.7,2.7", "--test", "student"])
        #expect(old.status == 64 && old.err.hasPrefix("trialstats: --test: unknown option"))
    }

    @Test func batchJSONKeepsLevelAndComparison() throws {
        let rows = FileManager.default.temporaryDirectory.appendingPathComponent("trialstats-batch-\(getpid()).csv")
        try "id,n1,mean1,sd1,label1,n2,mean2,sd2,label2\nsteff,35,-0.7,2.7,D3,33,-1.4,2.7,Placebo\n".write(to: rows, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: rows) }
        let r = try runTrialstats(["means", "--data", rows.path, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("\"comparison\": \"D3 - Placebo\"") && r.out.contains("\"level\": 0.95") && r.out.contains("\"line\": 2"))
        #expect(r.out.contains("\"id\": \"steff\""))
        let csv = try runTrialstats(["means", "--data", rows.path, "--format", "csv", "--conf-level", "90%"])
        #expect(csv.out.hasPrefix("quantity,") && csv.out.contains(",D3 - Placebo,steff,0.9,2\n"), "\(csv.out)")
    }

    @Test func missingDataFileIsStatus66() throws {
        let r = try runTrialstats(["means", "--data", "/nonexistent/rows.csv"])
        #expect(r.status == 66 && r.err.hasPrefix("trialstats: --data: ") && r.err.split(separator: "\n").count == 1)
    }

    @Test func meanPlusMinusSDIsAccepted() throws {
        let a = try runTrialstats(["means", "--n", "35,33", "--mean", "−0.7 ± 2.7,−1.4 ± 2.7", "--format", "csv"])
        let b = try runTrialstats(["means", "--n", "35,33", "--mean=-0.7,-1.4", "--sd", "2.7,2.7", "--format", "csv"])
        #expect(a.status == 0 && a.out == b.out, "\(a.err)")
        let both = try runTrialstats(["means", "--n", "35,33", "--mean", "-0.7 +/- 2.7,-1.4 +/- 2.7", "--sd", "2.7,2.7"])
        #expect(both.status == 64 && both.err.hasPrefix("trialstats: --sd: "))
    }
}

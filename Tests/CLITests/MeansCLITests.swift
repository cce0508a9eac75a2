import Foundation
import Testing

/// Runs the built `trialstats` binary through `CLIRunner`.
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
        let c = try runTrialstats(["means", "--n", "1,725", "--mean", "3", "--se", "0.1", "--format", "csv"])
        #expect(c.out.contains(",1724,"))   // df = n − 1 with n = 1725
    }

    @Test func badInputNamesTheFlagAndFails() throws {
        for (args, flag) in [(["--n", "1", "--mean", "1", "--sd", "1"], "--n"),
                             (["--n", "5,5", "--mean", "1,2", "--sd", "1,0"], "--sd"),
                             (["--n", "5,5,5", "--mean", "1,2", "--sd", "1,1"], "--n"),
                             (["--n", "5", "--mean", "1", "--ci", "3,1"], "--ci"),
                             (["--n", "5", "--mean", "1", "--sd", "1", "--level", "1.5"], "--level")] {
            let r = try runTrialstats(["means"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.err.contains(flag + ":"), "\(args): \(r.err)")
        }
    }

    @Test func batchStreamsRowsAndLocatesBadOnes() throws {
        let csv = "id,n1,mean1,sd1,n2,mean2,sd2\r\nsteff,35,−0.7,2.7,33,−1.4,2.7\r\nbad,35,-0.7,abc,33,-1.4,2.7\r\nok,10,1,1,10,2,1\r\n"
        let r = try runTrialstats(["means", "--data", "-", "--format", "csv", "--test", "student"], stdin: csv)
        #expect(r.status == 1)
        #expect(r.err.contains("<stdin>:3:13: expected a number"))
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 3)   // header + two good rows
        #expect(lines[1].contains("steff") && lines[2].contains(",ok,"))
        let strict = try runTrialstats(["means", "--data", "-", "--format", "csv", "--strict"], stdin: csv)
        #expect(strict.status == 1 && !strict.out.contains(",ok,"))
    }
}

import Foundation
import Testing

/// `trialstats audit` end to end on the Steffensen 2011 MS trial (PMID 21400196) and error handling.
@Suite struct AuditCLI {
    static let msTrial = ["audit", "--labels", "Vitamin D3,Placebo", "--mean=−0.7,−1.4", "--sd", "2.7,2.7",
                          "--ci", "-1.6,0.2;-2.3,-0.4", "--p", "0.118,0.006", "--total-n", "68",
                          "--diff", "0.7", "--diff-ci=-1.9,0.7", "--diff-p", "0.332", "--format", "csv"]

    func csv(_ out: String) -> [[String: String]] {
        let lines = out.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            // Fields here are unquoted up to the method column; enough for check/arm/low/high/verdict.
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (i, h) in header.enumerated() where i < cells.count && i < 9 { row[h] = cells[i] }
            return row
        }
    }

    @Test func steffensen2011AuditCSV() throws {
        let r = try CLIRunner.run(Self.msTrial)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("check,arm,reported,recomputed_low,recomputed_high,nominal,verdict,miss,readings,method,detail,scope\n"))
        let rows = csv(r.stdout)
        let nv = try #require(rows.first { $0["check"] == "n" && $0["arm"] == "Vitamin D3" })
        let np = try #require(rows.first { $0["check"] == "n" && $0["arm"] == "Placebo" })
        #expect(Double(nv["recomputed_low"]!)! <= 35 && Double(nv["recomputed_high"]!)! >= 35)
        #expect(Double(np["recomputed_low"]!)! <= 33 && Double(np["recomputed_high"]!)! >= 33)
        #expect(rows.contains { $0["check"] == "difference_vs_ci" && $0["verdict"] == "inconsistent" })
        #expect(r.stdout.contains("prints as −0.6"))
    }

    @Test func auditRejectsBadNumber() throws {
        let r = try CLIRunner.run(["audit", "--mean", "abc", "--sd", "2.7"])
        #expect(r.status == 64 && r.stderr.hasPrefix("trialstats: --mean: ") && r.stderr.split(separator: "\n").count == 1)
    }

    @Test func auditHasNoDataFlag() throws {
        // Dataset folders are audited by `trialstats report`; audit takes printed values only.
        let r = try CLIRunner.run(["audit", "--data", "x.csv"])
        #expect(r.status == 64 && r.stderr.hasPrefix("trialstats: --data: unknown option"))
    }

    @Test func ciLevelIsThePrintedLevel() throws {
        // The same printed CI read as a 90% interval no longer matches mean ± t·SD/√n at 95%.
        let at95 = try CLIRunner.run(["audit", "--mean=-1.4", "--sd", "2.7", "--ci=-2.3,-0.4", "--n", "33", "--format", "csv"])
        let at90 = try CLIRunner.run(["audit", "--mean=-1.4", "--sd", "2.7", "--ci=-2.3,-0.4", "--n", "33", "--ci-level", "90%", "--format", "csv"])
        #expect(at95.status == 0 && at90.status == 0 && at95.stdout != at90.stdout)
        let old = try CLIRunner.run(["audit", "--mean=-1.4", "--sd", "2.7", "--level", "0.9"])
        #expect(old.status == 64 && old.stderr.hasPrefix("trialstats: --level: unknown option"))
    }

    @Test func ambiguousListsAndMismatchedArmsAreUsageErrors() throws {
        let r = try CLIRunner.run(["audit", "--n", "35,330", "--mean", "1,2", "--sd", "1,1"])
        #expect(r.status == 64 && r.stderr.hasPrefix("trialstats: --n: ") && r.stderr.contains("35330"))
        let k = try CLIRunner.run(["audit", "--mean", "1,2", "--sd", "1,1,1"])
        #expect(k.status == 64 && k.stderr.hasPrefix("trialstats: --sd: ") && k.stderr.split(separator: "\n").count == 1)
        let semicolons = try CLIRunner.run(["audit", "--mean", "1;2", "--sd", "1;1"])
        #expect(semicolons.status == 64 && semicolons.stderr.hasPrefix("trialstats: --mean: "))
    }

    @Test func meanAndSDAloneNeverAccuse() throws {
        let r = try CLIRunner.run(["audit", "--mean=1.2,0.4", "--sd", "2.1,2.4", "--total-n", "120", "--format", "csv"])
        #expect(r.status == 0 && !r.stdout.contains(",inconsistent,") && r.stdout.contains(",unchecked,"))
    }

    @Test func comparisonAloneIsAudited() throws {
        // 0.42 (95% CI −0.10 to 0.94), p = 0.11: z = 1.583, p = 0.113.
        let r = try CLIRunner.run(["audit", "--diff", "0.42", "--diff-ci=-0.10,0.94", "--diff-p", "0.11", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("effect_p,difference,0.11,") && $0.contains(",consistent,") && $0.hasSuffix(",result") })
    }

    @Test func comparisonCIAndPWithArmMeansButNoSDs() throws {
        // The issue of a method row accusing while every other row is unchecked: CI 0.15 to 1.45 and p 0.016
        // agree under z (p = 0.0159) and t on 116 df.
        let r = try CLIRunner.run(["audit", "--mean=2.10,1.30", "--n", "60,58", "--diff-ci", "0.15,1.45", "--diff-p", "0.016", "--format", "csv"])
        #expect(r.status == 0 && !r.stdout.contains(",inconsistent,"))
        #expect(r.stdout.contains("t(116) two-sided"))
    }

    @Test func ratioNeedsPositiveBounds() throws {
        let ok = try CLIRunner.run(["audit", "--ratio", "0.81", "--ratio-ci", "0.70,0.94", "--ratio-p", "0.005", "--measure", "hr"])
        #expect(ok.status == 0 && ok.stdout.contains("effect_p [HR]") && ok.stdout.contains("CONSISTENT"))
        let bad = try CLIRunner.run(["audit", "--ratio", "0.81", "--ratio-ci", "0,0.94"])
        #expect(bad.status != 0 && bad.stderr.contains("--ratio-ci"))
    }

    @Test func statisticWithoutDFSearchesDF() throws {
        let r = try CLIRunner.run(["audit", "--test", "chi2 = 7.81, p = 0.050"])
        #expect(r.status == 0 && r.stdout.contains("df 3 reproduces") && r.stdout.contains("CONSISTENT"))
    }

    @Test func countsWithPrintedPNameTheTest() throws {
        // Mrozek, Cleveland Clinic J Med (chi-square and Fisher's exact tests): 6/28 vs 35/77, printed P = .026.
        let r = try CLIRunner.run(["audit", "--table", "6,22;35,42", "--p", ".026"])
        #expect(r.status == 0 && r.stdout.contains("counts_p [table]"))
        #expect(r.stdout.contains("· Pearson χ² (no continuity correction), df 1") && r.stdout.contains("· Yates-corrected χ², df 1"))
        let bad = try CLIRunner.run(["audit", "--table", "6,22;35,42", "--p", ".026", "--mean", "1"])
        #expect(bad.status != 0 && bad.stderr.contains("--table"))
    }

    @Test func threeArmsWithOverallTest() throws {
        // Groups (14, 23.2, 7.2), (9, 31.6, 5.8), (12, 25.5, 8.1): one-way ANOVA F = 3.789 (epidemiological.net,
        // "One-way ANOVA analyses, by hand and in R", 2019).
        let r = try CLIRunner.run(["audit", "--n", "14,9,12", "--mean", "23.2,31.6,25.5", "--sd", "7.2,5.8,8.1", "--overall-f", "3.789"])
        #expect(r.status == 0 && r.stdout.contains("overall_F [all arms]") && r.stdout.contains("CONSISTENT  [one-way ANOVA F"))
    }

    @Test func auditHelpNamesEveryPrintedForm() throws {
        let r = try CLIRunner.run(["audit", "--help"])
        #expect(r.status == 0)
        for flag in ["--diff-ci", "--ratio", "--measure", "--table", "--ordered", "--overall-f", "--overall-p", "--test", "--total-n", "--ci-level"] {
            #expect(r.stdout.contains(flag), "\(flag) missing from audit --help")
        }
    }
}

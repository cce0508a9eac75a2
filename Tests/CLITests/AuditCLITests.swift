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
        #expect(r.status == 64 && r.stderr.contains("--mean"))
    }

    @Test func auditDataPointsToReport() throws {
        let r = try CLIRunner.run(["audit", "--data", "x.csv"])
        #expect(r.status != 0 && r.stderr.contains("trialstats report"))
    }
}

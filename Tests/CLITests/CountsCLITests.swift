import Foundation
import Testing

/// Runs `trialstats` in process (through `CLIRunner`) and checks what a
/// reviewer sees: CSV columns, the battery per table shape, and clear non-zero exits on bad input.
struct CountsCLITests {
    static func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try CLIRunner.run(args)
        return (r.status, r.stdout, r.stderr)
    }

    @Test func twoByTwoCSVHasEveryEffectMeasure() throws {
        let r = try Self.run(["counts", "--table", "12,5;3,9", "--rows", "Treatment,Control", "--cols", "event,no event", "--format", "csv"])
        #expect(r.status == 0)
        let header = r.out.split(separator: "\n").first.map(String.init) ?? ""
        for col in ["quantity", "estimate", "ci_lower", "ci_upper", "statistic", "df", "p_value", "method"] {
            #expect(header.split(separator: ",").contains(Substring(col)), "missing column \(col)")
        }
        for q in ["risk_difference", "risk_ratio", "odds_ratio", "odds_ratio_conditional_mle", "fisher_exact", "chi_square", "g_test", "cramers_v"] {
            #expect(r.out.contains("\n\(q),"), "missing \(q)")
        }
        #expect(r.out.contains("Miettinen-Nurminen"))
    }

    @Test func orderedTwoByThreeAddsTheOrdinalBattery() throws {
        let r = try Self.run(["counts", "--table", "30,15,5;18,20,12", "--rows", "Treatment,Control",
                              "--cols", "alleviation,unchanged,aggravation", "--ordered", "--format", "csv"])
        #expect(r.status == 0)
        for q in ["fisher_freeman_halton", "cochran_armitage_trend", "linear_by_linear", "mann_whitney_u", "adjusted_residual"] {
            #expect(r.out.contains("\n\(q),"), "missing \(q)")
        }
        #expect(!r.out.contains("Monte Carlo"))
    }

    @Test func proportionPrintsOneRowPerMethod() throws {
        let r = try Self.run(["proportion", "--events", "7", "--n", "50", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.out.split(separator: "\n").count == 10)   // header + 9 methods
        #expect(r.out.contains("Clopper-Pearson"))
    }

    @Test func boundModeForLiang2022() throws {
        let r = try Self.run(["counts", "--groups", "1725,1240", "--categories", "3", "--p-below", "0.0001", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.out.contains("min_chi_square,18.420680743952"))
        #expect(r.out.contains("min_cramers_v,0.0788"))
        let ambiguous = try Self.run(["counts", "--groups", "1,725", "--p-below", "0.0001"])
        #expect(ambiguous.status == 64 && ambiguous.err.hasPrefix("trialstats: --groups: "))
    }

    @Test func countsAndProportionTakeConfLevel() throws {
        let a = try Self.run(["proportion", "--events", "7", "--n", "50", "--conf-level", "90%", "--format", "csv"])
        let b = try Self.run(["proportion", "--events", "7", "--n", "50", "--conf-level", "0.90", "--format", "csv"])
        #expect(a.status == 0 && a.out == b.out && a.out.contains(",0.9"))
        let c = try Self.run(["counts", "--table", "12,5;3,9", "--conf-level", "99", "--format", "json"])
        #expect(c.status == 0 && c.out.contains("\"level\": 0.99"))
        let thousands = try Self.run(["proportion", "--events", "1,725", "--n", "2,000", "--method", "wilson", "--format", "csv"])
        #expect(thousands.status == 0 && thousands.out.contains("wilson"))
        let method = try Self.run(["proportion", "--events", "7", "--n", "50", "--method", "nonsense"])
        #expect(method.status == 64 && method.err.hasPrefix("trialstats: --method: ") && method.err.contains("wilson"))
    }

    @Test func badInputExitsNonZeroNamingTheFlag() throws {
        for (args, flag) in [(["counts", "--table", "1,2;3"], "--table"), (["counts", "--table", "1,-2;3,4"], "--table"),
                             (["counts", "--table", "1.5,2;3,4"], "--table"), (["counts", "--table", "0,0;3,4"], "--table"),
                             (["counts", "--table", "0,2;0,4"], "--table"), (["proportion", "--events", "8", "--n", "7"], "--events"),
                             (["counts", "--table", "1,2;3,4", "--rows", "A"], "--rows")] {
            let r = try Self.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.err.contains(flag), "\(args): \(r.err)")
        }
    }
}

import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats certify [--datasets NAME,…]`: recomputes every NIST StRD certified value with this build's
/// numerics and prints the log relative error (correct significant digits) of each.
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Check this build's numerics against NIST StRD certified values (LRE table).",
        discussion: """
            The 31 NIST Statistical Reference Datasets (11 linear regression, 11 one-way ANOVA, 9 univariate) are \
            built into the executable. For each certified value the table gives the value TrialStats computes and \
            its log relative error LRE = -log10(|computed - certified| / |certified|) (log absolute error when the \
            certified value is 0), capped at 15. Targets: regression coefficients, SEs and residual SD >= 9 \
            (Filip >= 7), ANOVA F >= 9, univariate mean and SD >= 13. Exit status 1 if any target is missed.
            """
    )

    @Option(name: .customLong("datasets"), help: "Only these data sets, comma-separated (e.g. Filip,SmLs09).")
    var datasetList: NameList?

    var datasets: [String] { (datasetList?.items ?? []).filter { !$0.isEmpty } }

    @Flag(help: "Print only the minimum LRE per data set and statistic family.")
    var summary = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let known = Certification.datasetNames
        if datasetList != nil, datasets.isEmpty {
            throw CLIFailure.usage("--datasets", "no data set named; give names such as Filip,SmLs09 (known: \(known.joined(separator: ", ")))")
        }
        for d in datasets where !known.contains(where: { $0.lowercased() == d.lowercased() }) {
            throw CLIFailure.usage("--datasets", "unknown data set \(InputError.quoted(d)); known: \(known.joined(separator: ", "))")
        }
        let rows: [CertificationRow]
        do { rows = try Certification.run(datasets: datasets.isEmpty ? nil : datasets) } catch {
            throw CLIFailure.failure(error.description)
        }
        try Output.print(summary ? CertifyReport.summary(rows, format: output.format) : CertifyReport.table(rows, format: output.format),
                         terminator: "")
        if rows.contains(where: { !$0.passes }) { throw CLIFailure.silent(.failure) }
    }
}

/// Formats the certification rows: full table or per-family minima.
enum CertifyReport {
    static func fmt(_ x: Double) -> String { NumberFormat.full(x) }

    static func table(_ rows: [CertificationRow], format: OutputFormat) -> String {
        if format != .text {
            let table = DataTable(columns: ["dataset", "kind", "statistic", "certified", "computed", "lre", "target", "pass"], rows: rows.map {
                [.text($0.dataset), .text($0.kind.rawValue), .text($0.statistic), .number($0.certified), .number($0.computed),
                 .number($0.lre), .number($0.target), .bool($0.passes)]
            })
            return format == .json ? table.json() : table.csv()
        }
        var out = pad("dataset", 9) + pad("statistic", 22) + pad("certified", 25) + pad("computed", 25) + "  LRE  target\n"
        for r in rows {
            out += pad(r.dataset, 9) + pad(r.statistic, 22) + pad(fmt(r.certified), 25) + pad(fmt(r.computed), 25)
            out += String(format: "%5.1f", r.lre) + (r.target.map { String(format: "  >= %g", $0) + (r.passes ? "" : "  FAIL") } ?? "") + "\n"
        }
        let missed = rows.filter { !$0.passes }.count
        out += "\n\(rows.count) certified values, \(rows.filter { $0.target != nil }.count) with targets, \(missed) missed.\n"
        return out
    }

    /// Minimum LRE per data set and family (coefficients, SEs, residual SD, F, mean, SD, other).
    static func summary(_ rows: [CertificationRow], format: OutputFormat) -> String {
        func family(_ s: String) -> String {
            if s.hasPrefix("se(") { return "se" }
            if s.hasPrefix("b") && s != "between_ss" && s != "between_ms" && s != "between_df" { return "coefficients" }
            return s
        }
        var order: [String] = []
        var mins: [String: (Double, Double?)] = [:]
        for r in rows {
            let key = r.dataset + "|" + family(r.statistic)
            if mins[key] == nil { order.append(key); mins[key] = (r.lre, r.target) }
            else { mins[key]!.0 = min(mins[key]!.0, r.lre) }
        }
        var table = DataTable(columns: ["dataset", "statistic", "min_lre", "target"])
        var out = ""
        for key in order {
            let parts = key.split(separator: "|").map(String.init)
            let (m, t) = mins[key]!
            table.rows.append([.text(parts[0]), .text(parts[1]), .number(m), .number(t)])
            out += pad(parts[0], 9) + pad(parts[1], 22) + String(format: "%5.1f", m) + (t.map { String(format: "  >= %g", $0) } ?? "") + "\n"
        }
        switch format {
        case .json: return table.json()
        case .csv: return table.csv()
        case .text: return out
        }
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s.padding(toLength: n, withPad: " ", startingAt: 0) }
}

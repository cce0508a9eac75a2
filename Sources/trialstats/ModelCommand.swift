import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats model --data FILE.csv --outcome y --arm group [--covariates a,b] [--family gaussian|binomial]`
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit outcome ~ arm + covariates from individual-level data: linear (ANCOVA) or logistic.",
        discussion: """
            Reads a CSV with a header. The arm is categorical (levels sorted, the first is the reference);
            covariates are numeric when their values are numbers, otherwise categorical (dummy coded). Rows with
            an empty or NA value in a used column are dropped. Least squares is by pivoted QR (LAPACK dgeqp3) with
            iterative refinement; logistic regression by IRLS on the same QR, with Wald and profile-likelihood
            intervals. Output: one row per model term, then the adjusted and unadjusted arm comparisons, then fit
            statistics (gaussian: residual SD, R², F; binomial: deviance, null deviance, AIC).
            Example: trialstats model --data trial.csv --outcome edss --arm group --covariates sex,baseline
            """
    )

    @Option(help: "CSV file with one row per participant ('-' for standard input).") var data: String
    @Option(help: "Outcome column (numeric; 0/1 for --family binomial).") var outcome: String
    @Option(help: "Arm (treatment group) column.") var arm: String
    @Option(help: "Comma-separated covariate columns.") var covariates: String?
    @Option(help: "gaussian (linear model / ANCOVA) or binomial (logistic regression).") var family: String = "gaussian"
    @Option(help: "Confidence level.") var level: String = "0.95"
    @Flag(help: "Skip profile-likelihood intervals (binomial).") var noProfile = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let fam = ModelFamily(rawValue: family) else {
            throw fail("--family: expected gaussian or binomial, found \"\(family)\"")
        }
        let lv = try number(level, flag: "--level")
        guard lv > 0 && lv < 1 else { throw fail("--level: must be between 0 and 1, found \(level)") }
        let covs = (covariates ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let frame = try checked { () throws -> ModelFrame.Result in
            var reader: CSVReader
            if data == "-" {
                reader = CSVReader(fileHandle: .standardInput, name: "<stdin>")
            } else {
                guard let h = FileHandle(forReadingAtPath: data) else { throw InputError("--data", "cannot open \(data)") }
                reader = CSVReader(fileHandle: h, name: data)
            }
            let table = try ModelFrame(reader: &reader)
            return try table.design(outcome: outcome, arm: arm, covariates: covs, family: fam)
        }
        let formula = "\(outcome) ~ " + ([arm] + covs).joined(separator: " + ")
        let title = "\(fam == .gaussian ? "Linear model" : "Logistic regression") \(formula): \(frame.design.rows) complete rows"
            + (frame.droppedRows > 0 ? ", \(frame.droppedRows) dropped for missing values" : "")
        do {
            let rows = fam == .gaussian ? try ModelRows.gaussian(frame, level: lv) : try ModelRows.binomial(frame, level: lv, profile: !noProfile)
            try output.emit(rows, title: title)
        } catch let e as ModelError {
            throw fail(e.description)
        }
    }
}

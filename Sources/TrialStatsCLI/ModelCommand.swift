import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats model --data FILE.csv --outcome y --arm group [--covariates a,b] [--family gaussian|binomial]`
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit outcome ~ arm + covariates from individual-level data: linear (ANCOVA) or logistic.",
        discussion: """
            Reads a CSV with a header. The arm is categorical (levels sorted, the first is the reference); \
            covariates are numeric when their values are numbers, otherwise categorical (dummy coded). Rows with \
            an empty or NA value in a used column are dropped. Least squares is by pivoted QR (LAPACK dgeqp3) with \
            iterative refinement; logistic regression by IRLS on the same QR, with Wald and profile-likelihood \
            intervals. Output: one row per model term, then the adjusted and unadjusted arm comparisons, then fit \
            statistics (gaussian: residual SD, R², F; binomial: deviance, null deviance, AIC).

            Example:
              trialstats model --data trial.csv --outcome edss --arm group \\
                --covariates sex,baseline
            """
    )

    @Option(help: "CSV file with one row per participant, or - for standard input.") var data: String
    @Option(help: "Outcome column (numeric; 0/1 for --family binomial).") var outcome: String
    @Option(help: "Arm (treatment group) column.") var arm: String
    @Option(help: "Covariate columns, comma-separated.") var covariates: NameList?
    @Option(help: "gaussian (linear model / ANCOVA) or binomial (logistic regression).") var family: ModelFamily = .gaussian
    @Option(parsing: .unconditional, help: "Confidence level of the computed CIs: 0.95, 95 or 95%.")
    var confLevel = ConfidenceLevel(0.95)
    @Flag(help: "Skip profile-likelihood intervals (binomial).") var noProfile = false
    @OptionGroup var output: OutputOptions

    /// Library parameters → this command's flags.
    static let flags = FlagMap(["outcome": "--outcome", "arm": "--arm", "covariates": "--covariates", "level": "--conf-level"])

    func run() throws {
        let fam = family, lv = confLevel.value
        let covs = (covariates?.items ?? []).filter { !$0.isEmpty }
        let (handle, name) = try openInput(data, flag: "--data")
        let frame = try Self.flags.checked { () throws -> ModelFrame.Result in
            var reader = CSVReader(fileHandle: handle, name: name)
            let table = try ModelFrame(reader: &reader)
            return try table.design(outcome: outcome, arm: arm, covariates: covs, family: fam)
        }
        let formula = "\(outcome) ~ " + ([arm] + covs).joined(separator: " + ")
        let title = "\(fam == .gaussian ? "Linear model" : "Logistic regression") \(formula): \(frame.design.rows) complete rows"
            + (frame.droppedRows > 0 ? ", \(frame.droppedRows) dropped for missing values" : "")
        let rows: [ResultRow]
        do {
            rows = fam == .gaussian ? try ModelRows.gaussian(frame, level: lv) : try ModelRows.binomial(frame, level: lv, profile: !noProfile)
        } catch let e as ModelError {
            throw CLIFailure.failure(e.description)
        }
        try output.emit(rows, title: title)
    }
}

extension ModelFamily: ExpressibleByArgument {}

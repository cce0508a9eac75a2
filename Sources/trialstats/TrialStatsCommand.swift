import ArgumentParser

/// `trialstats`: the thin command-line face of the TrialStats library. Each subcommand parses
/// flags, calls the library and prints; no statistics are computed here.
@main
struct TrialStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialstats",
        abstract: "Re-derive what clinical studies report: CIs, differences, p-values, exact tests.",
        subcommands: [
            DistCommand.self, MeansCommand.self, AuditCommand.self, ModelCommand.self, CertifyCommand.self,
            ReportCommand.self, CountsCommand.self, ProportionCommand.self,
        ]
    )

    /// Runs the command; a write error on standard output (a closed pipe, a full disk) ends the program with
    /// one line on standard error and exit status 74 instead of a crash or silently lost output.
    static func main() {
        StandardOutput.ignoreBrokenPipes()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

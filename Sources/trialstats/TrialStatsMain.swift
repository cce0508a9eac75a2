import Foundation
import TrialStatsCLI

/// The `trialstats` executable: every command lives in the TrialStatsCLI library.
@main enum TrialStatsMain {
    static func main() { exit(TrialStatsCommand.run(Array(CommandLine.arguments.dropFirst()), sink: FileDescriptorSink())) }
}

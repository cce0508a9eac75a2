/// The version of this build of TrialStats. Reports name it beside the SHA-256 of every input they read, so a
/// finding can be cited and reproduced; `trialstats --version` prints it.
public enum TrialStatsVersion {
    public static let current = "0.13.0"
}

import TSCore
import TSStudies

/// The reproducibility stamp: the TrialStats version and the SHA-256 of every file a report was computed from,
/// so that a finding can be cited and recomputed from exactly the same bytes. It holds no time and no absolute
/// path: a study's files are named `<study>/<file>` and the reference intakes `reference_intakes.csv`, whatever
/// path they were read by, so the same version and inputs give byte-identical reports.
public enum ReportStamp {
    /// The files one study's report was computed from: its own files, then the reference intakes.
    public static func files(_ r: StudyReport) -> [InputFile] { r.study.files + r.referenceFiles }

    /// The text report's closing section.
    public static func text(_ r: StudyReport) -> String {
        var out = "Computed by TrialStats \(TrialStatsVersion.current) from these files (SHA-256 of the bytes read):\n"
        for f in files(r) { out += "- \(f.name) (\(f.bytes) bytes) \(f.sha256)\n" }
        return out
    }

    public static let columns = ["study", "file", "bytes", "sha256", "trialstats_version"]

    /// `inputs.csv`: one row per study and file it read (reference intakes last, with an empty study).
    public static func csv(_ reports: [StudyReport], references: [InputFile]) -> String {
        var table = DataTable(columns: columns)
        func row(_ study: String, _ f: InputFile) -> [TableCell] {
            [.text(study), .text(f.name), .integer(f.bytes), .text(f.sha256), .text(TrialStatsVersion.current)]
        }
        for r in reports { for f in r.study.files { table.rows.append(row(r.id, f)) } }
        for f in references { table.rows.append(row("", f)) }
        return table.csv()
    }
}

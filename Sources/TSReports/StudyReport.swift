import Foundation
import TSCore
import TSStudies
import TSTables

/// Everything recomputed for one study, in a fixed order: arms (file order), changes from baseline, counts,
/// comparisons (file order), bound implications, audit verdicts, regimens and intakes (file order).
/// Computing a report never touches the file system and never depends on dictionary order.
public struct StudyReport: Sendable, Equatable {
    public var study: StudyDataset
    public var lines: [ReportLine]
    /// Plain sentences on what could not be recomputed and why.
    public var notes: [String]
    /// Printed results the audit did not examine, each with its reason.
    public var unaudited: [String]
    /// The reference intakes the regimens were set against and where they were read from.
    public var references: [ReferenceIntake]
    /// The reference-intake files read, with their SHA-256 (for the reproducibility stamp).
    public var referenceFiles: [InputFile]
    /// What each printed p-value bound implies when its counts are not printed, in comparison order.
    public var boundImplications: [BoundImplication]

    public init(study: StudyDataset, references: [ReferenceIntake], referenceFiles: [InputFile] = []) {
        self.study = study
        self.references = references
        self.referenceFiles = referenceFiles
        var lines: [ReportLine] = []
        var notes: [String] = []
        var bounds: [BoundImplication] = []
        for row in study.arms {
            let r = ArmRecomputation.lines(row)
            lines += r.lines
            notes += r.notes
        }
        lines += ArmRecomputation.changesFromBaseline(study.arms)
        lines += CountRecomputation.lines(study.counts)
        for c in study.comparisons {
            let r = ComparisonRecomputation.lines(c, study: study)
            lines += r.lines
            let b = CountRecomputation.boundLines(c, study: study)
            lines += b.lines
            if let i = b.implication { bounds.append(i) }
            notes += b.lines.isEmpty ? r.notes : b.notes
        }
        let audited = AuditBridge.audit(study)
        lines += audited.lines
        self.unaudited = audited.unaudited
        for row in study.regimens { lines += RegimenRecomputation.lines(row, references: references) }
        // Sections in their fixed order; within a section, the order of computation.
        let order = Dictionary(uniqueKeysWithValues: ReportSection.allCases.enumerated().map { ($1, $0) })
        self.lines = lines.enumerated().sorted { (x, y) in
            let (a, b) = (order[x.element.section]!, order[y.element.section]!)
            return a != b ? a < b : x.offset < y.offset
        }.map(\.element)
        var uniqueNotes: [String] = []
        for n in notes where !uniqueNotes.contains(n) { uniqueNotes.append(n) }
        self.notes = uniqueNotes
        self.boundImplications = bounds
    }

    public var id: String { study.id }

    /// Lines flagged as differing from the print (or a bound not met), in report order.
    public var differences: [ReportLine] { lines.filter { $0.flag == .differs || $0.flag == .boundNotMet } }

    /// Count of lines with each flag.
    public func count(_ flag: ReportFlag) -> Int { lines.filter { $0.flag == flag }.count }
}

import Foundation
import Testing
@testable import TSCore
@testable import TSReports

/// The reproducibility stamp: each report names the TrialStats version and, for every file it was computed from,
/// the size and SHA-256 of the bytes on disk, under a name that does not depend on the path the inputs were given by.
@Suite struct ReportStampTests {
    @Test func steffensen2011StampHashesTheBytesOnDisk() throws {
        let root = packageRoot()
        let report = Shipped.report("steffensen2011")
        let files = ReportStamp.files(report)
        #expect(files.map(\.name) == ["steffensen2011/arms.csv", "steffensen2011/comparisons.csv", "steffensen2011/regimens.csv",
                                      "steffensen2011/study.csv"])
        for f in files {
            let data = try Data(contentsOf: root.appendingPathComponent("Datasets").appendingPathComponent(f.name))
            #expect(f.bytes == data.count, "\(f.name)")
            #expect(f.sha256 == SHA256.hex(data), "\(f.name)")
        }
        // With the reference intakes as well, the text section lists every file, and the same names go to inputs.csv.
        let full = StudyReport(study: report.study, references: Shipped.inputs.references, referenceFiles: Shipped.inputs.referenceFiles)
        let text = ReportStamp.text(full)
        #expect(text.hasPrefix("Computed by TrialStats \(TrialStatsVersion.current) from these files"))
        let intakes = try Data(contentsOf: root.appendingPathComponent("Datasets/reference_intakes.csv"))
        #expect(text.contains("- reference_intakes.csv (\(intakes.count) bytes) \(SHA256.hex(intakes))"))
        let csv = ReportStamp.csv([full], references: Shipped.inputs.referenceFiles)
        #expect(csv.split(separator: "\n").count == 1 + files.count + 1)
        #expect(!csv.contains(root.path))
    }
}

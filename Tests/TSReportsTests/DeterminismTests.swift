import Foundation
import Testing
import TSCore
@testable import TSReports

@Suite struct Determinism {
    @Test func twoRunsOverDatasetsWriteByteIdenticalFiles() throws {
        let root = try temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        let first = try ReportRun.run(inputs: ["Datasets"], output: "A", base: root)
        let second = try ReportRun.run(inputs: ["Datasets/"], output: "B", base: root)
        let a = snapshot(root.appendingPathComponent("A")), b = snapshot(root.appendingPathComponent("B"))
        #expect(first == second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a { #expect(b[name] == bytes, "\(name) differs between runs") }
        // One CSV and one text file per study, the index, the input stamp, and no temporary file left behind.
        let studies = try FileManager.default.contentsOfDirectory(atPath: packageRoot().appendingPathComponent("Datasets").path)
            .filter { !$0.contains(".") }
        #expect(studies.count == 16)
        #expect(a.keys.sorted() == (studies.flatMap { ["\($0).csv", "\($0).txt"] } + ["index.csv", "inputs.csv"]).sorted())
    }

    @Test func rewritingOverAnEarlierReportGivesTheSameBytes() throws {
        let root = try temporaryFolder("rewrite")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        try ReportRun.run(inputs: ["Datasets"], output: "Reports", base: root)
        let before = snapshot(root.appendingPathComponent("Reports"))
        try ReportRun.run(inputs: ["Datasets"], output: "Reports", base: root)
        #expect(snapshot(root.appendingPathComponent("Reports")) == before)
    }

    @Test func theOutputNamesNoPathTheInputsWereGivenBy() throws {
        // The same study read from two different places gives the same report (no paths, no timestamps).
        let root = try temporaryFolder("paths")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        let viaCollection = ReportRun.files(for: try ReportInputs.read(["Datasets"], base: root))
        let viaAbsolute = ReportRun.files(for: try ReportInputs.read([root.appendingPathComponent("Datasets").path]))
        #expect(viaCollection == viaAbsolute)
        let single = ReportRun.files(for: try ReportInputs.read(["Datasets/steffensen2011"], base: root))
        #expect(single.first { $0.name == "steffensen2011.txt" } == viaCollection.first { $0.name == "steffensen2011.txt" })
    }

    @Test func theCSVHasFullPrecisionAndOneHeader() throws {
        let inputs = try ReportInputs.read(["Datasets/steffensen2011"], base: packageRoot())
        let csv = try #require(ReportRun.files(for: inputs).first { $0.name == "steffensen2011.csv" }).contents
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == Substring(ReportCSV.columns.joined(separator: ",")))
        // The placebo CI lower bound at 17 significant digits, as NumberFormat.full prints it
        // (−1.4 − t(0.975, 32) · 2.7/√33; mpmath at 40 digits: −2.35737837077234970…, 1 ulp away).
        #expect(csv.contains(",ci_lower,-2.3573783707723495,"))
        #expect(!csv.contains("\r"))
    }

    @Test func anInputThatDoesNotExistIsNamedAndNothingIsCreated() throws {
        let root = try temporaryFolder("missing")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: InputError(.path("Datasets/nowhere"), "no such file or folder")) {
            try ReportRun.run(inputs: ["Datasets/nowhere"], output: "Reports", base: root)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports").path))
    }

    @Test func aStudyGivenTwiceIsRefusedBeforeWriting() throws {
        let root = try temporaryFolder("twice")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        #expect(throws: InputError(.position(file: "Datasets/steffensen2011/study.csv", line: 1, column: 1),
                                   "study \"steffensen2011\" is given twice (first as Datasets/steffensen2011); its reports would overwrite each other")) {
            try ReportRun.run(inputs: ["Datasets/steffensen2011", "Datasets"], output: "Reports", base: root)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports").path))
    }
}

import Foundation
import Testing
import TSCore
@testable import TSReports

/// `report` replaces its output folder whole: the earlier report's own files go, other files stay, and nothing
/// is left beside or inside the folder.
@Suite struct FolderReplacementTests {
    @Test func anEarlierReportIsReplacedWholeAndTheUsersFilesAreCarriedOver() throws {
        let root = try temporaryFolder("replace")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        try ReportRun.run(inputs: ["Datasets"], output: "Reports", base: root)
        let reports = root.appendingPathComponent("Reports")
        try Data("hand-written\n".utf8).write(to: reports.appendingPathComponent("README.md"))
        try Data("mine\n".utf8).write(to: reports.appendingPathComponent("notes.csv"))
        // A study dropped from the inputs: its earlier report files must not survive as stale reports.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Datasets/burt2019"))
        // A staging folder a killed run left behind (a process id that cannot exist) is cleaned up.
        let abandoned = root.appendingPathComponent(".Reports\(FolderReplacement.stagingMarker)2147483646")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        let written = try ReportRun.run(inputs: ["Datasets"], output: "Reports", base: root)
        let after = snapshot(reports)
        #expect(Set(after.keys) == Set(written + ["README.md", "notes.csv"]))
        #expect(after["burt2019.csv"] == nil && after["burt2019.txt"] == nil)
        #expect(after["README.md"] == Data("hand-written\n".utf8) && after["notes.csv"] == Data("mine\n".utf8))
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(beside == ["Datasets", "Reports"])
    }

    @Test func theOutputMayNotHoldTheCurrentFolderOrAnInput() throws {
        let root = try temporaryFolder("holds")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try copyDatasets(into: root)
        let before = snapshot(root)
        for out in [".", "./", root.path, "/"] {
            #expect(throws: InputError.self) { try ReportRun.run(inputs: ["Datasets"], output: out, base: root) }
        }
        #expect(throws: InputError.self) {
            try ReportRun.run(inputs: ["Datasets/steffensen2011"], output: "Datasets", base: root)
        }
        #expect(snapshot(root) == before)
    }
}

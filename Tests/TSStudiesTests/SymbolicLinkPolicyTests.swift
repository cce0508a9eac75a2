import Foundation
import Testing
import TSCore
@testable import TSStudies

/// The dataset reader follows a symbolic link only to a place inside the folder it reads, never reads a pipe or
/// a device, and lists every entry it passes over instead of letting a study disappear in silence.
@Suite struct SymbolicLinkPolicy {
    /// A scratch tree: `D/` with a copy of the Steffensen 2011 study, and `outside/` beside it.
    static func tree() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("trialstats-links-\(getpid())-\(UUID().uuidString)")
        let shipped = packageRoot().appendingPathComponent("Datasets/steffensen2011")
        try fm.createDirectory(at: root.appendingPathComponent("D"), withIntermediateDirectories: true)
        try fm.copyItem(at: shipped, to: root.appendingPathComponent("D/steffensen2011"))
        try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try fm.copyItem(at: shipped, to: root.appendingPathComponent("outside/study"))
        return root
    }

    @Test func linksInsideAreFollowedAndOthersListed() throws {
        let fm = FileManager.default
        let root = try Self.tree()
        defer { try? fm.removeItem(at: root) }
        let d = root.appendingPathComponent("D")
        try fm.createSymbolicLink(atPath: d.appendingPathComponent("alias").path, withDestinationPath: "steffensen2011")
        try fm.createSymbolicLink(atPath: d.appendingPathComponent("escape").path, withDestinationPath: "../outside/study")
        try fm.createSymbolicLink(atPath: d.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        // A study whose arms.csv is a link out of the tree: read without it.
        try fm.createDirectory(at: d.appendingPathComponent("partial"), withIntermediateDirectories: false)
        try fm.copyItem(at: d.appendingPathComponent("steffensen2011/study.csv"), to: d.appendingPathComponent("partial/study.csv"))
        try fm.createSymbolicLink(atPath: d.appendingPathComponent("partial/arms.csv").path, withDestinationPath: "../../outside/study/arms.csv")

        let c = try DatasetCollection.read(directory: d, displayPath: "D")
        #expect(c.studies.map(\.id) == ["alias", "partial", "steffensen2011"])
        #expect(c.studies[0].arms.map(\.arm) == c.studies[2].arms.map(\.arm) && !c.studies[0].arms.isEmpty)
        #expect(c.studies[1].arms.isEmpty)
        #expect(c.skipped.map(\.path) == ["D/dangling", "D/escape", "D/partial/arms.csv"])
        #expect(c.skipped[0].reason == "a symbolic link whose target does not exist")
        #expect(c.skipped[1].reason.contains("outside \"D\"") && c.skipped[1].reason.contains("outside/study"))
        #expect(c.skipped[2].description.hasPrefix("D/partial/arms.csv: skipped: a symbolic link to "))

        // The same folder read as one study: its own folder is the tree.
        let partial = try StudyDataset.read(folder: d.appendingPathComponent("partial"), displayPath: "D/partial")
        #expect(partial.skipped.map(\.path) == ["D/partial/arms.csv"])
        // A link within the study folder is followed.
        try fm.removeItem(at: d.appendingPathComponent("partial/arms.csv"))
        try fm.copyItem(at: d.appendingPathComponent("steffensen2011/arms.csv"), to: d.appendingPathComponent("partial/arms-copy.csv.txt"))
        try fm.createSymbolicLink(atPath: d.appendingPathComponent("partial/arms.csv").path, withDestinationPath: "arms-copy.csv.txt")
        let linked = try StudyDataset.read(folder: d.appendingPathComponent("partial"), displayPath: "D/partial")
        #expect(linked.skipped.isEmpty && linked.arms.map(\.arm) == c.studies[2].arms.map(\.arm))
    }

    @Test func aNamedPipeIsSkippedNotRead() throws {
        let fm = FileManager.default
        let root = try Self.tree()
        defer { try? fm.removeItem(at: root) }
        let study = root.appendingPathComponent("D/steffensen2011")
        #expect(mkfifo(study.appendingPathComponent("counts.csv").path, 0o600) == 0)
        let s = try StudyDataset.read(folder: study, displayPath: "D/steffensen2011")
        #expect(s.skipped == [SkippedEntry(path: "D/steffensen2011/counts.csv",
                                           reason: "neither a folder nor a regular file (a pipe, socket or device is not read)")])
        #expect(s.counts.isEmpty && !s.arms.isEmpty)
    }

    @Test func aFolderNamedLikeAFileIsAnError() throws {
        let fm = FileManager.default
        let root = try Self.tree()
        defer { try? fm.removeItem(at: root) }
        let study = root.appendingPathComponent("D/steffensen2011")
        try fm.createDirectory(at: study.appendingPathComponent("counts.csv"), withIntermediateDirectories: false)
        #expect(throws: InputError(.position(file: "D/steffensen2011/counts.csv", line: 1, column: 1), "a folder, not a file")) {
            try StudyDataset.read(folder: study, displayPath: "D/steffensen2011")
        }
    }
}

import Foundation
import Testing
import TSTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trialstats report` killed with SIGKILL at many moments leaves its output folder entirely old or entirely new.
///
/// Two generated inputs (the shipped studies copied five times, 80 studies, and the same without half of
/// them) give two reference reports. The output folder starts as the first; each round runs `report` on the
/// other input and kills it after a delay drawn by a seeded generator across the whole run, the writing
/// phase included, and then the folder must equal one reference byte for byte.
@Suite(.serialized) struct ReportKillTests {
    static func packageRoot() -> URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir = dir.deletingLastPathComponent() }
        return dir
    }

    /// Every file under `folder`, relative path → bytes.
    static func contents(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            out[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
        }
        return out
    }

    /// A dataset folder holding `copies` copies of each shipped study (`<id>_<k>`) and the reference intakes.
    static func generate(_ folder: URL, copies: Int, keepEvery: Int) throws {
        let fm = FileManager.default
        let shipped = packageRoot().appendingPathComponent("Datasets")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try fm.copyItem(at: shipped.appendingPathComponent("reference_intakes.csv"), to: folder.appendingPathComponent("reference_intakes.csv"))
        var index = 0
        for id in try fm.contentsOfDirectory(atPath: shipped.path).sorted() where !id.contains(".") {
            for k in 0..<copies {
                defer { index += 1 }
                guard index % keepEvery == 0 else { continue }
                try fm.copyItem(at: shipped.appendingPathComponent(id), to: folder.appendingPathComponent("\(id)_\(k)"))
            }
        }
    }

    static func run(_ arguments: [String], in directory: URL, killAfter delay: Double? = nil) throws -> Subprocess.Result {
        try Subprocess.run(CLIRunner.executable.path, arguments, in: directory,
                           stdout: .file("/dev/null"), stderr: .file("/dev/null"), killAfter: delay)
    }

    @Test func reportKilledAtRandomMomentsLeavesTheFolderOldOrNew() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("trialstats-kill-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        try Self.generate(root.appendingPathComponent("A"), copies: 5, keepEvery: 1)
        try Self.generate(root.appendingPathComponent("B"), copies: 5, keepEvery: 2)
        let start = Date()
        #expect(try Self.run(["report", "A", "--out", "refA"], in: root).status == 0)
        let duration = Date().timeIntervalSince(start)
        #expect(try Self.run(["report", "B", "--out", "refB"], in: root).status == 0)
        let refA = Self.contents(root.appendingPathComponent("refA")), refB = Self.contents(root.appendingPathComponent("refB"))
        #expect(refA.count == 80 * 2 + 2 && refB.count == 40 * 2 + 2 && refA != refB)

        #expect(try Self.run(["report", "A", "--out", "Reports"], in: root).status == 0)
        var rng = SplitMix64(seed: 20_261_202)
        var killed = 0, old = 0, new = 0
        for round in 0..<24 {
            let input = round % 2 == 0 ? "B" : "A"
            let delay = duration * Double.random(in: 0.02...1.1, using: &rng)
            let p = try Self.run(["report", input, "--out", "Reports"], in: root, killAfter: delay)
            if p.signal == SIGKILL { killed += 1 }
            let now = Self.contents(root.appendingPathComponent("Reports"))
            let isA = now == refA, isB = now == refB
            #expect(isA || isB, "round \(round): after a kill at \(delay) s the folder is neither report (\(now.count) files)")
            if (input == "A" && isA) || (input == "B" && isB) { new += 1 } else { old += 1 }
        }
        #expect(killed > 0, "no round was killed before it finished")
        // A finished run removes what killed runs left beside the folder.
        #expect(try Self.run(["report", "A", "--out", "Reports"], in: root).status == 0)
        let beside = try fm.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Reports") }
        #expect(beside.isEmpty, "left beside the folder: \(beside)")
        print("[report kill] 24 rounds: \(killed) killed, folder old \(old), new \(new); full run \(duration) s")
    }
}

import Foundation
import Testing
import TSTestSupport

/// The malformed command-line corpus (Tests/Fixtures/malformed-cli/cases.jsonl, written by
/// Tests/Reference/malformed_cli_cases.py): every command, the `--data` files and the files of a study folder,
/// each spoiled one way. Each case runs as a subprocess under `CappedRunner`'s caps in a scratch folder and must
/// give its exit status, one line on standard error ("trialstats: …", naming the flag or file:line:column and
/// containing the expected text), nothing on standard output, and leave the scratch folder as it was.
struct MalformedCLICase: Codable, Sendable, CustomTestStringConvertible {
    struct FileSpec: Codable, Sendable {
        var text: String?
        var hex: String?
        var copy: String?
        var dir: Bool?
        var `repeat`: String?
        var times: Int?
        var prefix: String?
        var suffix: String?
    }

    var id: String
    var args: [String]
    var files: [String: FileSpec]?
    var stdin: String?
    var status: Int32
    var stderr: [String]
    var stdout: String
    var lines: String

    var testDescription: String { id }

    static let all: [MalformedCLICase] = (try? load()) ?? []

    static func load() throws -> [MalformedCLICase] {
        let text = try Fixtures.text("malformed-cli/cases.jsonl")
        return try text.split(separator: "\n").map { try JSONDecoder().decode(MalformedCLICase.self, from: Data($0.utf8)) }
    }

    /// Writes the case's files into `folder`.
    func materialize(in folder: URL) throws {
        let fm = FileManager.default
        for (path, spec) in (files ?? [:]).sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if spec.dir == true {
                try fm.createDirectory(at: url, withIntermediateDirectories: true)
            } else if let copy = spec.copy {
                if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
                try fm.copyItem(at: try Fixtures.packageURL(copy), to: url)
            } else if let hex = spec.hex {
                let bytes = stride(from: 0, to: hex.count, by: 2).map { i -> UInt8 in
                    let s = hex.index(hex.startIndex, offsetBy: i)
                    return UInt8(hex[s..<hex.index(s, offsetBy: 2)], radix: 16)!
                }
                try Data(bytes).write(to: url)
            } else if let unit = spec.repeat, let times = spec.times {
                try Data(((spec.prefix ?? "") + String(repeating: unit, count: times) + (spec.suffix ?? "")).utf8).write(to: url)
            } else {
                try Data((spec.text ?? "").utf8).write(to: url)
            }
        }
    }
}

/// Every path under `folder`, relative to it, sorted.
private func listing(_ folder: URL) -> [String] {
    let base = folder.resolvingSymlinksInPath().path
    guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
    return (e.allObjects as? [String] ?? []).sorted()
}

@Suite struct MalformedCorpusCLI {
    @Test func theCorpusHasAtLeast400CasesAcrossEveryCommand() throws {
        let cases = try MalformedCLICase.load()
        #expect(cases.count >= 400)
        #expect(Set(cases.map(\.id)).count == cases.count, "case ids are unique")
        let commands = Set(cases.compactMap(\.args.first))
        for c in ["means", "audit", "counts", "proportion", "dist", "model", "certify", "report"] {
            #expect(commands.contains(c), "no case for \(c)")
        }
        #expect(cases.contains { $0.args.contains("--data") } && cases.contains { $0.args.first == "report" && $0.files != nil })
    }

    @Test(arguments: MalformedCLICase.all)
    func refusedWithOneLineAndNothingWritten(_ c: MalformedCLICase) throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("trialstats-malformed-\(ProcessInfo.processInfo.processIdentifier)-\(c.id.hashValue)")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try c.materialize(in: scratch)
        let before = listing(scratch)
        let tmp = scratch.resolvingSymlinksInPath().path
        let args = c.args.map { $0.replacingOccurrences(of: "{tmp}", with: tmp) }
        let r = try CappedRunner.run(args, stdin: Data((c.stdin ?? "").utf8), in: scratch)
        #expect(!r.timedOut, "\(c.id): killed after \(CappedRunner.seconds) s")
        #expect(r.status == c.status, "\(c.id): status \(r.status), expected \(c.status)")
        let err = String(decoding: r.stderr, as: UTF8.self)
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false)
        if c.lines == "one" {
            #expect(lines.count == 2 && lines[1].isEmpty, "\(c.id): \(lines.count - 1) lines: \(err)")
        } else {
            #expect(lines.count >= 2 && lines.last == "", "\(c.id): \(err)")
        }
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("trialstats: ") }, "\(c.id): \(err)")
        for expected in c.stderr {
            let e = expected.replacingOccurrences(of: "{tmp}", with: tmp)
            #expect(err.contains(e), "\(c.id): \(err) lacks \(e)")
        }
        if c.stdout == "empty" { #expect(r.stdout.isEmpty, "\(c.id): wrote to standard output") }
        #expect(listing(scratch) == before, "\(c.id): wrote \(Set(listing(scratch)).subtracting(before).sorted())")
    }
}

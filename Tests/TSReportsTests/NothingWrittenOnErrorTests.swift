import Foundation
import Testing
import TSCore
@testable import TSReports
import TSTestSupport

/// The malformed corpus of Tests/Fixtures/malformed (82 files and folders) run through `report`: each case is
/// planted in a copy of Datasets/ and must stop the run with its exact `file:line:column` message before any
/// file is written.
///
/// The expected messages are the ones TSStudies' own corpus test asserts (Tests/TSStudiesTests/
/// MalformedCorpusTests.swift, `malformedExpectations`); they are read from that file so that the two tests
/// cannot drift apart. There each location is "malformed/<fixture>"; here it is where the fixture was planted.
enum MalformedCorpus {
    static let folder = packageRoot().appendingPathComponent("Tests/Fixtures/malformed").resolvingSymlinksInPath()

    /// (fixture, message with the fixture name as its location prefix) parsed from the TSStudies test source.
    static let parsed = Result { () throws -> [(file: String, message: String)] in
        let source = try Fixtures.packageURL("Tests/TSStudiesTests/MalformedCorpusTests.swift").resolvingSymlinksInPath()
        let text = try String(contentsOf: source, encoding: .utf8)
        var out: [(String, String)] = []
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("(\""), t.hasSuffix("\"),") else { continue }
            // ("file", "message"),  with \" escapes inside the message
            let body = t.dropFirst(2).dropLast(3)
            guard let sep = body.range(of: "\", \"") else { continue }
            let file = String(body[..<sep.lowerBound])
            let message = String(body[sep.upperBound...]).replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
            out.append((file, message))
        }
        guard !out.isEmpty else { throw FixtureError(source.path, "no (\"file\", \"message\") lines found") }
        return out
    }
    /// The expectations; throws when the TSStudies test source is missing or holds none.
    static var expectations: [(file: String, message: String)] { get throws { try parsed.get() } }

    /// The corpus folder's entries (empty when it is missing, which `theCorpusIsReadWholeFromTheStudiesTest` fails).
    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Plants `fixture` in a copy of Datasets/ under `root`; returns the path (as given to `report`) of the file
    /// or folder the error must name in place of the fixture's name.
    static func plant(_ fixture: String, in datasets: URL) throws -> String {
        let fm = FileManager.default
        let kind = fixture.components(separatedBy: "--")[0]
        let source = folder.appendingPathComponent(fixture)
        let study = datasets.appendingPathComponent("steffensen2011")
        let target: URL
        let shown: String
        switch kind {
        case "folder":
            target = datasets.appendingPathComponent(fixture)
            shown = "Datasets/\(fixture)"
        case "reference":
            target = datasets.appendingPathComponent("reference_intakes.csv")
            shown = "Datasets/reference_intakes.csv"
        default:   // arms, counts, comparisons, study, regimens: that file of one study
            target = study.appendingPathComponent("\(kind).csv")
            shown = "Datasets/steffensen2011/\(kind).csv"
        }
        if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
        try fm.copyItem(at: source, to: target)
        return shown
    }
}

@Suite struct NothingWrittenOnError {
    @Test func theCorpusIsReadWholeFromTheStudiesTest() throws {
        // Every fixture has exactly one expectation, and there are at least 50.
        let expectations = try MalformedCorpus.expectations
        #expect(expectations.map(\.file).sorted() == MalformedCorpus.fixtures)
        #expect(expectations.count >= 50)
        #expect(MalformedCorpus.fixtures.count >= 50)
    }

    @Test(arguments: MalformedCorpus.fixtures)
    func malformedDatasetStopsTheReportWithItsExactMessageAndWritesNothing(fixture: String) throws {
        let expected = try #require(try MalformedCorpus.expectations.first { $0.file == fixture }).message
        let root = try temporaryFolder("malformed")
        defer { try? FileManager.default.removeItem(at: root) }
        let datasets = try copyDatasets(into: root)
        let shown = try MalformedCorpus.plant(fixture, in: datasets)
        // An output folder that already holds a report, and one that does not exist yet.
        let existing = root.appendingPathComponent("Reports")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        try Data("earlier report\n".utf8).write(to: existing.appendingPathComponent("index.csv"))
        let before = snapshot(existing)
        for output in ["Reports", "Fresh/Reports"] {
            var caught: InputError? = nil
            do throws(InputError) {
                try ReportRun.run(inputs: ["Datasets"], output: output, base: root)
            } catch {
                caught = error
            }
            let error = try #require(caught, "\(fixture) was accepted")
            #expect(error.description == shown + expected.dropFirst(fixture.count))
        }
        #expect(snapshot(existing) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Fresh").path))
    }
}

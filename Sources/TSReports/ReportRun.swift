import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TSCore
import TSStudies

/// `trialstats report`: read every input, compute every report and render every file in memory first; only
/// then write. So an input error leaves the output folder exactly as it was. The new files are written into a
/// staging folder beside the output and exchanged with it in one atomic step, so a reader, or a run killed at
/// any moment, sees the old report or the new one, never a mix. Output is byte-identical on every run: no timestamps, no
/// absolute paths, fixed number formats, and every order fixed by the inputs.
public enum ReportRun {
    /// One output file: its name in the output folder and its bytes.
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
    }

    /// Every file `report` writes for these inputs, in writing order: per study `<id>.csv` and `<id>.txt`
    /// (studies in input order), then `index.csv` and `inputs.csv` (the version and every input's SHA-256).
    public static func files(for inputs: ReportInputs) -> [File] {
        let reports = inputs.studies.map {
            StudyReport(study: $0, references: inputs.references, referenceFiles: inputs.referenceFiles)
        }
        var out: [File] = []
        for r in reports {
            out.append(File(name: "\(r.id).csv", contents: ReportCSV.csv(r)))
            out.append(File(name: "\(r.id).txt", contents: ReportText.text(r)))
        }
        out.append(File(name: "index.csv", contents: ReportIndex.csv(reports)))
        out.append(File(name: "inputs.csv", contents: ReportStamp.csv(reports, references: inputs.referenceFiles)))
        return out
    }

    /// Reads `inputs`, computes, and writes into `output` (created if missing). Returns the names written.
    /// Throws before writing anything when an input is malformed (location `file:line:column`) or the
    /// output path is not a folder. Each input entry passed over (see `SkippedEntry`) is handed to `skipped`
    /// before anything is written.
    @discardableResult
    public static func run(inputs paths: [String], output: String, base: URL? = nil,
                           skipped: (SkippedEntry) -> Void = { _ in }) throws(InputError) -> [String] {
        let fm = FileManager.default
        let root = base ?? URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
        let outURL = (output.hasPrefix("/") ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outURL.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputError(.parameter("output"), "\(output) exists and is not a folder")
        }
        // The folder is replaced whole, so it must not hold the current folder or an input.
        let outPath = outURL.resolvingSymlinksInPath().path
        func inside(_ url: URL) -> Bool {
            let p = url.standardizedFileURL.resolvingSymlinksInPath().path
            return p == outPath || p.hasPrefix(outPath.hasSuffix("/") ? outPath : outPath + "/")
        }
        if outPath == "/" || inside(root) {
            throw InputError(.parameter("output"), "\(output) holds the current folder and would be replaced whole; name a folder of its own, such as Reports")
        }
        for p in paths where inside(p.hasPrefix("/") ? URL(fileURLWithPath: p) : root.appendingPathComponent(p)) {
            throw InputError(.parameter("output"), "\(output) holds the input \(p) and would be replaced whole; name a folder of its own, such as Reports")
        }
        // Nor may it lie inside an input folder, where the report would mix with the data it was computed from.
        for p in paths {
            let input = (p.hasPrefix("/") ? URL(fileURLWithPath: p) : root.appendingPathComponent(p)).standardizedFileURL.resolvingSymlinksInPath().path
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else { continue }
            if outPath.hasPrefix(input.hasSuffix("/") ? input : input + "/") {
                throw InputError(.parameter("output"), "\(output) lies inside the input \(p); name a folder outside the data, such as Reports")
            }
        }
        let inputs = try ReportInputs.read(paths, base: root)
        inputs.skipped.forEach(skipped)
        let files = files(for: inputs)
        try write(files, to: outURL, shown: output)
        return files.map(\.name)
    }

    /// Replaces the output folder whole (see `FolderReplacement`): a reader, or a run killed at any moment,
    /// sees the old report or the new one, never a mix.
    static func write(_ files: [File], to folder: URL, shown: String) throws(InputError) {
        try FolderReplacement.replace(folder, with: files, shown: shown)
    }
}

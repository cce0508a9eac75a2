import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TSCore
import TSStudies

/// `trialstats report`: read every input, compute every report and render every file in memory first; only
/// then write. So an input error leaves the output folder exactly as it was. Each file is written to a
/// temporary file in the output folder and renamed over its final name (rename(2) is atomic within a folder),
/// so a reader never sees a half-written report. Output is byte-identical on every run: no timestamps, no
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
    /// output path is not a folder.
    @discardableResult
    public static func run(inputs paths: [String], output: String, base: URL? = nil) throws(InputError) -> [String] {
        let fm = FileManager.default
        let root = base ?? URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
        let outURL = (output.hasPrefix("/") ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outURL.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputError(.parameter("output"), "\(output) exists and is not a folder")
        }
        let inputs = try ReportInputs.read(paths, base: root)
        let files = files(for: inputs)
        try write(files, to: outURL, shown: output)
        return files.map(\.name)
    }

    /// Writes each file through a temporary file in the same folder and a rename. Temporary files are written
    /// first, all of them, then renamed; on a write failure the temporary files are removed.
    static func write(_ files: [File], to folder: URL, shown: String) throws(InputError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(.parameter("output"), "cannot create the folder \(shown)")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        var temporary: [(tmp: URL, final: URL)] = []
        func cleanUp() { for t in temporary { try? fm.removeItem(at: t.tmp) } }
        for f in files {
            let final = folder.appendingPathComponent(f.name)
            let tmp = folder.appendingPathComponent(".\(f.name).tmp-\(pid)")
            do {
                try Data(f.contents.utf8).write(to: tmp)
            } catch {
                cleanUp()
                throw InputError(.parameter("output"), "cannot write \(shown)/\(f.name)")
            }
            temporary.append((tmp, final))
        }
        for t in temporary {
            if rename(t.tmp.path, t.final.path) != 0 {
                cleanUp()
                throw InputError(.parameter("output"), "cannot rename a temporary file to \(shown)/\(t.final.lastPathComponent)")
            }
        }
    }
}

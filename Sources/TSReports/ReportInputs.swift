import Foundation
import TSCore
import TSStudies

/// The studies and reference intakes named on the command line, read and checked before anything is computed.
///
/// Each input is one of:
/// - a study folder (it holds `study.csv`): that study;
/// - a datasets folder (anything else): every study subfolder and its `reference_intakes.csv` (`DatasetCollection`);
/// - `reference_intakes.csv`: reference intakes;
/// - any other `.csv` file: a file of the study in its folder; files from one folder make one study.
/// When no reference intakes are given, a study folder's parent is searched for `reference_intakes.csv`.
/// Error locations use the paths as given, so messages read `Datasets/steffensen2011/arms.csv:3:29: ...`.
public struct ReportInputs: Sendable, Equatable {
    public var studies: [StudyDataset]
    public var references: [ReferenceIntake]
    /// The reference-intake files read, with their SHA-256.
    public var referenceFiles: [InputFile]
    /// Entries of the input folders that were not read (links out of the folder, pipes, devices).
    public var skipped: [SkippedEntry] = []

    public init(studies: [StudyDataset], references: [ReferenceIntake], referenceFiles: [InputFile] = []) {
        self.studies = studies
        self.references = references
        self.referenceFiles = referenceFiles
    }

    /// Reads `paths` (relative ones against `base`, default the current directory), in the order given.
    public static func read(_ paths: [String], base: URL? = nil) throws(InputError) -> ReportInputs {
        guard !paths.isEmpty else { throw InputError(.parameter("report"), "give at least one dataset folder or file") }
        let fm = FileManager.default
        let root = base ?? URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
        var studies: [(study: StudyDataset, shown: String)] = []
        var references: [ReferenceIntake] = []
        var referenceFiles: [InputFile] = []
        var referencesGiven = false
        var parents: [(url: URL, shown: String)] = []
        var fileGroups: [(folder: URL, shown: String, files: [String: String])] = []
        var skipped: [SkippedEntry] = []

        for given in paths {
            let shown = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
            let url = (given.hasPrefix("/") ? URL(fileURLWithPath: given) : root.appendingPathComponent(given)).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw InputError(.path(shown), "no such file or folder")
            }
            if isDirectory.boolValue {
                if fm.fileExists(atPath: url.appendingPathComponent("study.csv").path) {
                    let study = try StudyDataset.read(folder: url, displayPath: shown)
                    skipped += study.skipped
                    studies.append((study, shown))
                    parents.append((url.deletingLastPathComponent(), parentShown(shown)))
                } else {
                    let c = try DatasetCollection.read(directory: url, displayPath: shown)
                    skipped += c.skipped
                    let hasReferences = fm.fileExists(atPath: url.appendingPathComponent("reference_intakes.csv").path)
                    guard !c.studies.isEmpty || hasReferences else {
                        throw InputError(.path(shown), "holds no study folder (a folder with study.csv) and no reference_intakes.csv")
                    }
                    let prefix = shown.hasSuffix("/") ? shown : shown + "/"
                    studies += c.studies.map { ($0, prefix + $0.id) }
                    references += c.referenceIntakes
                    if let f = c.referenceFile { referenceFiles.append(f) }
                    referencesGiven = referencesGiven || hasReferences
                }
            } else {
                let name = url.lastPathComponent
                guard name.lowercased().hasSuffix(".csv") else {
                    throw InputError(.path(shown), "not a dataset folder or a .csv file")
                }
                let text = try readText(url, shown: shown)
                if name == "reference_intakes.csv" {
                    references += try ReferenceIntake.read(text: text, name: shown)
                    referenceFiles.append(InputFile(name: name, text: text))
                    referencesGiven = true
                } else {
                    let folder = url.deletingLastPathComponent().standardizedFileURL
                    let folderShown = parentShown(shown)
                    if let i = fileGroups.firstIndex(where: { $0.folder == folder }) {
                        guard fileGroups[i].files[name] == nil else { throw InputError(.path(shown), "this file is given twice") }
                        fileGroups[i].files[name] = text
                    } else {
                        fileGroups.append((folder, folderShown, [name: text]))
                    }
                }
            }
        }
        for g in fileGroups {
            let prefix = g.shown.isEmpty ? "" : (g.shown.hasSuffix("/") ? g.shown : g.shown + "/")
            let id = g.folder.lastPathComponent
            studies.append((try StudyDataset.parse(id: id, files: g.files, prefix: prefix), g.shown.isEmpty ? id : g.shown))
            parents.append((g.folder.deletingLastPathComponent(), parentShown(g.shown)))
        }
        // Each study's files are named after its folder: two studies with one name, or one named "index", collide.
        var seen: [String: String] = [:]
        for (s, shown) in studies {
            if s.id == "index" {
                throw InputError(.position(file: "\(shown)/study.csv", line: 1, column: 1), "a study folder may not be named \"index\": its report would overwrite index.csv")
            }
            if let first = seen[s.id] {
                throw InputError(.position(file: "\(shown)/study.csv", line: 1, column: 1), "study \(InputError.quoted(s.id)) is given twice (first as \(first)); its reports would overwrite each other")
            }
            seen[s.id] = shown
        }
        if !referencesGiven {
            for p in parents {
                let candidate = p.url.appendingPathComponent("reference_intakes.csv")
                guard fm.fileExists(atPath: candidate.path) else { continue }
                let shown = p.shown.isEmpty ? "reference_intakes.csv" : p.shown + "/reference_intakes.csv"
                let text = try readText(candidate, shown: shown)
                references = try ReferenceIntake.read(text: text, name: shown)
                referenceFiles = [InputFile(name: "reference_intakes.csv", text: text)]
                break
            }
        }
        guard !studies.isEmpty else { throw InputError(.path(paths[0]), "no study given, only reference intakes") }
        var inputs = ReportInputs(studies: studies.map(\.study), references: references, referenceFiles: referenceFiles)
        inputs.skipped = skipped
        return inputs
    }

    static func parentShown(_ shown: String) -> String {
        guard let slash = shown.lastIndex(of: "/") else { return "" }
        return String(shown[..<slash])
    }

    static func readText(_ url: URL, shown: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw InputError(.position(file: shown, line: 1, column: 1), "cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(.position(file: shown, line: 1, column: 1), "the file is not UTF-8 text") }
        return text
    }
}

import Foundation
import TSCore

/// One study folder under `Datasets/`: `study.csv` (required) and, when present, `arms.csv`, `counts.csv`,
/// `comparisons.csv` and `regimens.csv`. Any other `.csv` file in the folder is an error, as is an arm
/// used in any file but not declared in study.csv.
public struct StudyDataset: Sendable, Equatable {
    /// The folder name (e.g. "steffensen2011").
    public var id: String
    public var metadata: StudyMetadata
    public var arms: [ArmSummaryRow]
    public var counts: [CategoryCountRow]
    public var comparisons: [PrintedComparisonRow]
    public var regimens: [RegimenRow]
    /// Every file read for this study, by name, with its SHA-256.
    public var files: [InputFile] = []
    /// Entries of the folder that were not read (see `SkippedEntry`).
    public var skipped: [SkippedEntry] = []

    public static let fileNames = ["study.csv", "arms.csv", "counts.csv", "comparisons.csv", "regimens.csv"]

    /// Builds a dataset from file texts keyed by file name; `prefix` is put before each file name in
    /// error locations (e.g. "Datasets/steffensen2011/").
    public static func parse(id: String, files: [String: String], prefix: String) throws(InputError) -> StudyDataset {
        for name in files.keys.sorted() where !fileNames.contains(name) {
            throw InputError(.position(file: "\(prefix)\(name)", line: 1, column: 1), "unknown file \(InputError.quoted(name)); a study folder holds \(fileNames.joined(separator: ", "))")
        }
        guard let study = files["study.csv"] else {
            throw InputError(.position(file: "\(prefix)study.csv", line: 1, column: 1), "study.csv is missing; every study folder needs one")
        }
        let metadata = try StudyMetadata.read(text: study, name: prefix + "study.csv")
        let arms = try files["arms.csv"].map { (t) throws(InputError) in try ArmSummaryRow.read(text: t, name: prefix + "arms.csv") } ?? []
        let counts = try files["counts.csv"].map { (t) throws(InputError) in try CategoryCountRow.read(text: t, name: prefix + "counts.csv") } ?? []
        let comparisons = try files["comparisons.csv"].map { (t) throws(InputError) in try PrintedComparisonRow.read(text: t, name: prefix + "comparisons.csv") } ?? []
        let regimens = try files["regimens.csv"].map { (t) throws(InputError) in try RegimenRow.read(text: t, name: prefix + "regimens.csv") } ?? []
        let declared = Set(metadata.arms)
        func check(_ arm: String, _ location: InputLocation, _ column: String) throws(InputError) {
            guard declared.contains(arm) else {
                throw InputError(location, "\(column) \(InputError.quoted(arm)) is not declared in study.csv (arms: \(metadata.arms.joined(separator: ", ")))")
            }
        }
        for r in arms { try check(r.arm, r.cellLocations["arm"]!, "arm") }
        for r in counts { try check(r.arm, r.cellLocations["arm"]!, "arm") }
        for r in comparisons {
            try check(r.armA, r.cellLocations["arm_a"]!, "arm_a")
            try check(r.armB, r.cellLocations["arm_b"]!, "arm_b")
        }
        for r in regimens { try check(r.arm, r.cellLocations["arm"]!, "arm") }
        return StudyDataset(id: id, metadata: metadata, arms: arms, counts: counts, comparisons: comparisons, regimens: regimens,
                            files: files.keys.sorted().map { InputFile(name: "\(id)/\($0)", text: files[$0]!) })
    }

    /// Reads one study folder. `displayPath` is how the folder is named in error messages (defaults to its path).
    /// `tree` is the real path of the tree a symbolic link may lead into, and its name as shown (default: this
    /// folder); entries outside it, dangling links, pipes and devices are skipped and listed in `skipped`.
    public static func read(folder: URL, displayPath: String? = nil,
                            tree: (path: String, shown: String)? = nil) throws(InputError) -> StudyDataset {
        let shown = displayPath ?? folder.path
        let prefix = shown.hasSuffix("/") ? shown : shown + "/"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(.position(file: shown, line: 1, column: 1), "cannot list the folder")
        }
        guard let root = tree?.path ?? DatasetEntry.realPath(folder.path) else {
            throw InputError(.position(file: shown, line: 1, column: 1), "cannot list the folder")
        }
        var files: [String: String] = [:]
        var skipped: [SkippedEntry] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".csv") {
            let url = folder.appendingPathComponent(name)
            switch DatasetEntry.inspect(url, root: root, rootShown: tree?.shown ?? shown) {
            case .file: files[name] = try readText(url, shown: prefix + name)
            case .folder: throw InputError(.position(file: prefix + name, line: 1, column: 1), "a folder, not a file")
            case .skipped(let reason): skipped.append(SkippedEntry(path: prefix + name, reason: reason))
            }
        }
        var study = try parse(id: folder.lastPathComponent, files: files, prefix: prefix)
        study.skipped = skipped
        return study
    }

    /// Reads a file as UTF-8 (a byte-order mark is left for the CSV reader to skip).
    static func readText(_ url: URL, shown: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(.position(file: shown, line: 1, column: 1), "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(.position(file: shown, line: 1, column: 1), "the file is not UTF-8 text")
        }
        return text
    }
}

/// A `Datasets/` folder: one subfolder per study, plus `reference_intakes.csv`.
public struct DatasetCollection: Sendable, Equatable {
    public var studies: [StudyDataset]
    public var referenceIntakes: [ReferenceIntake]
    /// `reference_intakes.csv` with its SHA-256, when the folder has one.
    public var referenceFile: InputFile? = nil
    /// Entries not read, in this folder and in its study folders (see `SkippedEntry`).
    public var skipped: [SkippedEntry] = []

    /// Reads every study subfolder (sorted by name; folders starting with "." or "_" are skipped) and
    /// `reference_intakes.csv` when present. A symbolic link is followed only when it leads to a place inside
    /// `directory`; other links, dangling links, pipes and devices are skipped and listed in `skipped`.
    public static func read(directory: URL, displayPath: String? = nil) throws(InputError) -> DatasetCollection {
        let shown = displayPath ?? directory.path
        let prefix = shown.hasSuffix("/") ? shown : shown + "/"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw InputError(.position(file: shown, line: 1, column: 1), "cannot list the folder")
        }
        guard let root = DatasetEntry.realPath(directory.path) else {
            throw InputError(.position(file: shown, line: 1, column: 1), "cannot list the folder")
        }
        var studies: [StudyDataset] = []
        var references: [ReferenceIntake] = []
        var referenceFile: InputFile? = nil
        var skipped: [SkippedEntry] = []
        for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let url = directory.appendingPathComponent(name)
            switch DatasetEntry.inspect(url, root: root, rootShown: shown) {
            case .folder:
                let study = try StudyDataset.read(folder: url, displayPath: prefix + name, tree: (root, shown))
                skipped += study.skipped
                studies.append(study)
            case .file where name == "reference_intakes.csv":
                let text = try StudyDataset.readText(url, shown: prefix + name)
                references = try ReferenceIntake.read(text: text, name: prefix + name)
                referenceFile = InputFile(name: name, text: text)
            case .file:
                continue
            case .skipped(let reason):
                skipped.append(SkippedEntry(path: prefix + name, reason: reason))
            }
        }
        return DatasetCollection(studies: studies, referenceIntakes: references, referenceFile: referenceFile, skipped: skipped)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFolderSwap
import TSCore

/// Replaces an output folder whole: the new files are written into a staging folder beside it, then the two
/// are exchanged in one atomic step (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS)
/// and the old contents are removed. A process killed at any moment leaves the folder entirely old or
/// entirely new, never a mix; what a killed run leaves is a hidden staging folder beside it, which the next
/// run removes.
///
/// Files of the old folder that an earlier report did not write (a README, the user's own notes) are carried
/// into the new folder; the earlier report's own files (`index.csv`, `inputs.csv` and the `<study>.csv` /
/// `<study>.txt` its `index.csv` lists) are not, so a study dropped from the inputs leaves no stale report.
enum FolderReplacement {
    static let stagingMarker = ".trialstats-staging-"

    static func replace(_ folder: URL, with files: [ReportRun.File], shown: String) throws(InputError) {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        removeAbandonedStaging(in: parent, for: name)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name)\(stagingMarker)\(pid)")
        try? fm.removeItem(at: staging)
        func fail(_ message: String) -> InputError {
            try? fm.removeItem(at: staging)
            return InputError(.parameter("output"), message)
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw fail("cannot create a folder beside \(shown) to write the new report into")
        }
        for f in files {
            do { try Data(f.contents.utf8).write(to: staging.appendingPathComponent(f.name)) } catch {
                throw fail("cannot write \(shown)/\(f.name)")
            }
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            guard rename(staging.path, folder.path) == 0 else { throw fail("cannot create \(shown)") }
            return
        }
        guard isDirectory.boolValue else { throw fail("\(shown) exists and is not a folder") }
        let written = Set(files.map(\.name))
        let earlier = earlierReportFiles(in: folder)
        let kept = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { !written.contains($0) && !earlier.contains($0) }
        for k in kept {
            do { try fm.copyItem(at: folder.appendingPathComponent(k), to: staging.appendingPathComponent(k)) } catch {
                throw fail("cannot carry \(shown)/\(k) into the new report")
            }
        }
        if trialstats_exchange_paths(staging.path, folder.path) != 0 {
            // No atomic exchange on this file system: move the old folder aside, then the new one in. A kill
            // between the two renames leaves the old report beside the output, complete, under a hidden name.
            let aside = parent.appendingPathComponent(".\(name)\(stagingMarker)old-\(pid)")
            try? fm.removeItem(at: aside)
            guard rename(folder.path, aside.path) == 0 else { throw fail("cannot replace \(shown)") }
            guard rename(staging.path, folder.path) == 0 else {
                _ = rename(aside.path, folder.path)
                throw fail("cannot replace \(shown)")
            }
            try? fm.removeItem(at: aside)
            return
        }
        try? fm.removeItem(at: staging)   // now holds the old report
    }

    /// The files an earlier `report` wrote into `folder`: its index, its stamp, and each study's CSV and text
    /// as its `index.csv` names them.
    static func earlierReportFiles(in folder: URL) -> Set<String> {
        var names: Set<String> = ["index.csv", "inputs.csv"]
        guard let text = try? String(contentsOf: folder.appendingPathComponent("index.csv"), encoding: .utf8) else { return names }
        var reader = CSVReader(string: text, name: "index.csv")
        guard let header = try? reader.next()?.fields,
              let csvColumn = header.firstIndex(of: "report_csv"), let textColumn = header.firstIndex(of: "report_text")
        else { return names }
        while let record = try? reader.next() {
            for c in [csvColumn, textColumn] where c < record.fields.count {
                let f = record.fields[c]
                if !f.isEmpty, !f.contains("/"), !f.hasPrefix(".") { names.insert(f) }
            }
        }
        return names
    }

    /// Removes staging folders that runs killed earlier left beside `name` (their process is gone).
    static func removeAbandonedStaging(in parent: URL, for name: String) {
        let prefix = ".\(name)\(stagingMarker)"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            var tail = entry.dropFirst(prefix.count)
            if tail.hasPrefix("old-") { tail = tail.dropFirst(4) }
            guard let pid = Int32(tail), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }
}

import Foundation
import TSTestSupport

/// The package root (`Fixtures.packageRoot`: the folder holding Package.swift, found from TSTestSupport's path).
func packageRoot() -> URL { Fixtures.packageRoot }

/// A fresh empty folder under the system temporary folder; removed by the caller with `removeItem`.
func temporaryFolder(_ tag: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("tsreports-\(tag)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder` (relative path → bytes), hidden files included, so that a stray temporary file
/// also counts as a change.
func snapshot(_ folder: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    guard let e = FileManager.default.enumerator(atPath: folder.path) else { return out }
    while let rel = e.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = folder.appendingPathComponent(rel).path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            out[rel] = FileManager.default.contents(atPath: path)
        } else {
            out[rel + "/"] = Data()
        }
    }
    return out
}

/// Copies `Datasets/` of the package into `folder`/Datasets and returns its URL.
func copyDatasets(into folder: URL) throws -> URL {
    let target = folder.appendingPathComponent("Datasets")
    try FileManager.default.copyItem(at: packageRoot().appendingPathComponent("Datasets").resolvingSymlinksInPath(), to: target)
    return target
}

import Foundation

/// The package root: walk up from this file until Package.swift appears.
func packageRoot(filePath: String = #filePath) -> URL {
    var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        let up = dir.deletingLastPathComponent()
        if up.path == dir.path { break }
        dir = up
    }
    return dir
}

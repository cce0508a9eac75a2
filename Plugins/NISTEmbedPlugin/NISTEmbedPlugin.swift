// Build-tool plugin of TSCertification: generates NISTEmbedded.swift from Tests/Fixtures/nist/*.csv with the
// TSNISTEmbed executable, so the CSVs are the one copy of the NIST StRD data in the repository.
import Foundation
import PackagePlugin

@main
struct NISTEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("Tests/Fixtures/nist")
        // Sorted: the command line (and so the build description) does not depend on directory order.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        guard !names.isEmpty else { throw NISTEmbedError(message: "no .csv files in \(folder.path)") }
        let inputs = names.map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("NISTEmbedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) NIST StRD data sets into \(target.name)",
                executable: try context.tool(named: "TSNISTEmbed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}

struct NISTEmbedError: Error, CustomStringConvertible {
    var message: String
    var description: String { "NISTEmbedPlugin: \(message)" }
}

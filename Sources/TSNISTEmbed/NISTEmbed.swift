// TSNISTEmbed: writes the Swift source that embeds the NIST StRD data sets of Tests/Fixtures/nist/*.csv in
// TSCertification, so that `trialstats certify` needs no files at run time. Run by the NISTEmbedPlugin build-tool
// plugin on every build; the CSVs are the only copy of the data in the repository.
//
//   TSNISTEmbed OUTPUT.swift NAME.csv …
//
// The text of each file is embedded verbatim except that a run of a repeated block of 1–4 lines is written once,
// preceded by a line '@<repeats>,<block length>' (SmLs03 has 18009 rows but few distinct patterns);
// `NISTDataset.expand(_:)` undoes it and a TSCertification test checks every expansion equals its fixture byte
// for byte. The output depends only on the files' names and contents (no paths, dates or directory order), so
// every build writes the same bytes; it is rewritten only when those bytes change.
import Foundation

/// The order `trialstats certify` prints the data sets in. Every input must be listed and every listed set given.
let order = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3",
             "Wampler4", "Wampler5", "SiRstv", "SmLs01", "SmLs02", "SmLs03", "SmLs04", "SmLs05", "SmLs06", "SmLs07",
             "SmLs08", "SmLs09", "AtmWtAg", "PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2",
             "NumAcc3", "NumAcc4"]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("TSNISTEmbed: error: \(message)\n".utf8))
    exit(1)
}

/// Block-repeat compression: at each line, the longest run (r ≥ 2 repeats of a block of k ≤ 4 lines, r·k ≥ 4).
func compress(_ lines: [Substring]) -> [Substring] {
    var out: [Substring] = []
    var i = 0
    while i < lines.count {
        var best = (r: 1, k: 1)
        for k in 1...4 {
            guard i + k <= lines.count else { break }
            let block = lines[i..<(i + k)]
            var r = 1
            while i + (r + 1) * k <= lines.count, lines[(i + r * k)..<(i + (r + 1) * k)].elementsEqual(block) { r += 1 }
            if r >= 2 && r * k > best.r * best.k && r * k >= 4 { best = (r, k) }
        }
        if best.r > 1 {
            out.append(Substring("@\(best.r),\(best.k)"))
            out.append(contentsOf: lines[i..<(i + best.k)])
            i += best.r * best.k
        } else {
            out.append(lines[i])
            i += 1
        }
    }
    return out
}

/// The tool's entry point (an `@main` type rather than top-level code, so it builds the same when the whole
/// package is compiled with `-parse-as-library`, as `swift build --sanitize=fuzzer` does).
@main enum NISTEmbed {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let outputPath = arguments.first else { fail("usage: TSNISTEmbed OUTPUT.swift NAME.csv …") }
        var files: [String: URL] = [:]
        for path in arguments.dropFirst() {
            let url = URL(fileURLWithPath: path)
            guard url.pathExtension == "csv" else { fail("\(path): not a .csv file") }
            files[url.deletingPathExtension().lastPathComponent] = url
        }
        let missing = order.filter { files[$0] == nil }, unlisted = files.keys.filter { !order.contains($0) }.sorted()
        guard missing.isEmpty && unlisted.isEmpty else {
            fail("data sets given and data sets listed differ: missing \(missing), not in the certify order \(unlisted)")
        }

        var source = """
            // GENERATED at build time by TSNISTEmbed (run by Plugins/NISTEmbedPlugin) from Tests/Fixtures/nist/*.csv.
            // NIST StRD data sets with their certified values and sources (see each text's comment lines).

            enum NISTEmbedded {
                /// (name, compressed fixture text), in the order `trialstats certify` prints them.
                static let sets: [(name: String, text: String)] = [

            """
        for name in order {
            let url = files[name]!
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                fail("\(url.path): cannot be read as UTF-8")
            }
            guard text.hasSuffix("\n") else { fail("\(url.path): does not end with a newline") }
            guard !text.contains("\"\"\"#"), !text.contains("\r") else { fail("\(url.path): contains \"\"\"# or a carriage return") }
            var body = Substring(text)
            while body.hasSuffix("\n") { body = body.dropLast() }
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            source += "        (\"\(name)\", #\"\"\"\n" + compress(lines).joined(separator: "\n") + "\n\"\"\"#),\n"
        }
        source += "    ]\n}\n"

        let output = URL(fileURLWithPath: outputPath)
        let bytes = Data(source.utf8)
        if FileManager.default.contents(atPath: output.path) != bytes {
            do {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: output, options: .atomic)
            } catch {
                fail("\(output.path): \(error)")
            }
        }
    }
}

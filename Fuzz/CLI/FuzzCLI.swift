// libFuzzer target: runs TrialStats commands in process (TrialStatsCommand.run with a BufferSink), so the
// whole path a user's text takes (ArgumentParser, the typed options, FlagMap messages, the computations and
// the renderers) is exercised. Built by Fuzz/cli.sh; not part of the main package or of `swift test`.
//
// FUZZ_TARGET picks what the input bytes mean (invalid UTF-8 is replaced, as String(decoding:) does):
//   args        the first byte picks a command, the rest is its arguments, one per line;
//   means-data  the bytes are the CSV of `means --data`, the first byte picks the other flags;
//   model-data  the bytes are the CSV of `model --data`, the first byte picks the other flags.
// Besides "no crash, no hang, no sanitizer report" it traps when the command-line contract fails:
// the status is one of ExitStatus; a failure writes nothing to standard output and exactly one short line,
// "trialstats: …", to standard error; a success writes something to standard output.
import CFuzzDriver
import Foundation
import TrialStatsCLI

/// Traps (a crash libFuzzer records) with a message when an invariant fails.
@inline(never)
func require(_ ok: Bool, _ what: @autoclosure () -> String) {
    if !ok { fatalError("invariant: " + what()) }
}

/// The longest error line accepted, in characters: a message names the flag and what is accepted, and quotes a
/// value cut at 100 characters.
let maxErrorLine = 400

let commands = ["means", "counts", "proportion", "model", "dist", "audit", "certify"]

enum Target: String { case args, meansData = "means-data", modelData = "model-data" }

let target: Target = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "args"
    guard let t = Target(rawValue: name) else { fatalError("FUZZ_TARGET must be args, means-data or model-data") }
    return t
}()

/// A private folder that holds the `--data` file; the process runs in it so relative names resolve there.
let workFolder: String = {
    let path = NSTemporaryDirectory() + "trialstats-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    _ = FileManager.default.changeCurrentDirectoryPath(path)
    return path
}()

let meansFlags: [[String]] = [
    [], ["--format", "csv"], ["--format", "json"], ["--format", "text"], ["--method", "student"],
    ["--conf-level", "90%"], ["--format", "json", "--method", "welch"],
]
let modelFlags: [[String]] = [
    ["--outcome", "y", "--arm", "arm"], ["--outcome", "y", "--arm", "arm", "--covariates", "x"],
    ["--outcome", "y", "--arm", "arm", "--family", "binomial", "--no-profile"],
    ["--outcome", "y", "--arm", "arm", "--covariates", "x,z", "--format", "json"],
    ["--outcome", "y", "--arm", "arm", "--family", "binomial", "--covariates", "x"],
]

/// Arguments that would leave the private folder or read standard input are not fuzzed.
func allowed(_ arguments: [String]) -> Bool {
    !arguments.contains { $0 == "-" || $0.hasPrefix("/") || $0.contains("..") || $0 == "report" || $0.hasPrefix("~") }
}

func check(_ arguments: [String], _ status: Int32, _ sink: BufferSink, data: Bool) {
    require(ExitStatus(rawValue: status) != nil, "status \(status) for \(arguments)")
    let out = sink.standardOutput, err = sink.standardError
    if status == 0 {
        require(!out.isEmpty, "success with nothing on standard output: \(arguments)")
        return
    }
    // `--data` may report skipped rows (status 65) after printing the rows it computed, one line each.
    let lines = err.split(separator: "\n", omittingEmptySubsequences: false)
    require(err.hasSuffix("\n"), "standard error does not end a line: \(err.prefix(200)) for \(arguments)")
    let skipped = data && status == ExitStatus.dataError.rawValue
    if !skipped {
        require(out.isEmpty, "failure \(status) wrote to standard output: \(arguments)")
        require(lines.count == 2, "failure \(status) wrote \(lines.count - 1) lines: \(err.prefix(300))")
    }
    for line in lines.dropLast() {
        require(line.hasPrefix("trialstats: "), "error line without 'trialstats: ': \(line.prefix(200))")
        require(line.count <= maxErrorLine, "error line of \(line.count) characters: \(line.prefix(200))…")
    }
}

func runArgs(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let rest = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard rest.count <= 40 else { return }
    let arguments = [commands[Int(first) % commands.count]] + rest
    guard allowed(arguments) else { return }
    let sink = BufferSink()
    let status = TrialStatsCommand.run(arguments, sink: sink, columns: 100)
    check(arguments, status, sink, data: false)
}

func runData(_ bytes: UnsafeBufferPointer<UInt8>, command: String, flags: [[String]]) {
    guard let first = bytes.first else { return }
    let file = workFolder + "/data.csv"
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes.dropFirst())) else {
        fatalError("cannot write \(file)")
    }
    let arguments = [command, "--data", "data.csv"] + flags[Int(first) % flags.count]
    let sink = BufferSink()
    let status = TrialStatsCommand.run(arguments, sink: sink, columns: 100)
    check(arguments, status, sink, data: true)
    for line in sink.standardError.split(separator: "\n") where status == ExitStatus.dataError.rawValue {
        require(line.hasPrefix("trialstats: data.csv:") || line.hasPrefix("trialstats: --"),
                "a --data error that names neither the file nor a flag: \(line.prefix(200))")
    }
}

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch target {
    case .args: runArgs(bytes)
    case .meansData: runData(bytes, command: "means", flags: meansFlags)
    case .modelData: runData(bytes, command: "model", flags: modelFlags)
    }
    return 0
}

/// libFuzzer's driver with this process's arguments (corpus folders, -runs=…, -max_total_time=…).
@main enum FuzzCLI {
    static func main() {
        _ = (target, workFolder)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzz($0, $1) })
    }
}

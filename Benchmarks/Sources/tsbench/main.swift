import Foundation
import TrialStatsKit

/// tsbench — in-process benchmark cases of TrialStats (release build; see Benchmarks/README.md).
///   tsbench dist   [--reps N] [--out DIR]
///   tsbench batch  --data DIR [--reps N] [--out DIR]
///   tsbench tables [--reps N] [--work-limit N] [--only a,b]   (work limit of the 4×6 case; default: the library's)
///   tsbench lm     --data DIR [--reps N] [--out DIR]
/// Prints one JSON line per case; with --out writes the computed values as raw float64 for peers/compare.py.
let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let reps = Int(option("--reps") ?? "") ?? 5
let out = option("--out")
let data = option("--data") ?? "Benchmarks/data"
switch args.first {
case "dist": DistributionCases.run(reps: reps, out: out)
case "batch": BatchCases.run(path: "\(data)/rows.csv", reps: reps, out: out)
case "tables":
    TableCases.run(reps: reps, workLimit4x6: Int(option("--work-limit") ?? "") ?? FisherFreemanHalton.defaultWorkLimit,
                   only: option("--only").map { Set($0.split(separator: ",").map(String.init)) }, out: out)
case "lm": RegressionCases.run(path: "\(data)/lm.csv", reps: reps, out: out)
default:
    FileHandle.standardError.write(Data("usage: tsbench dist|batch|tables|lm [--data DIR] [--reps N] [--out DIR]\n".utf8))
    exit(64)
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing: each case runs `reps` times after one warm-up; we report the median and the minimum.
/// The machine is shared and noisy, so medians (not means) are the headline numbers.
struct Timing {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }

    /// Runs `body` `reps` times (plus `warmup`), returns the per-run seconds. `body` returns a value that is
    /// folded into a sink so the optimiser cannot drop the work.
    static func run(reps: Int, warmup: Int = 1, _ body: () -> Double) -> [Double] {
        var sink = 0.0
        for _ in 0..<warmup { sink += body() }
        var times: [Double] = []
        for _ in 0..<reps {
            let t0 = now()
            sink += body()
            times.append(now() - t0)
        }
        if sink == 0.123456789 { print("") }   // never true; keeps `sink` alive
        return times
    }
}

/// One JSON line per case on stdout: {"case": ..., "impl": "trialstats", "median_s": ..., ...}.
func report(_ name: String, _ times: [Double], items: Int, note: String = "") {
    let med = Timing.median(times), mn = times.min() ?? .nan
    var line = "{\"case\": \"\(name)\", \"impl\": \"trialstats\", \"median_s\": \(med), \"min_s\": \(mn), "
    line += "\"reps\": \(times.count), \"items\": \(items)"
    if !note.isEmpty { line += ", \"note\": \"\(note)\"" }
    print(line + "}")
    fflush(nil)
}

/// Raw little-endian float64 vector (numpy `fromfile`, R `readBin`), for the peer agreement checks.
func writeVector(_ v: [Double], to path: String) {
    v.withUnsafeBufferPointer { buf in
        let data = Data(buffer: buf)
        _ = FileManager.default.createFile(atPath: path, contents: data)
    }
}

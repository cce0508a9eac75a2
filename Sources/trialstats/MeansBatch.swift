import ArgumentParser
import Foundation
import TrialStats
#if canImport(Glibc)
import Glibc
#endif

/// `trialstats means --data FILE`: one arm or comparison per CSV row, streamed in constant memory.
struct MeansBatch {
    let path: String
    let settings: MeansSettings
    let strict: Bool
    let format: OutputFormat

    private var rowsOut = 0

    init(path: String, settings: MeansSettings, strict: Bool, format: OutputFormat) {
        self.path = path; self.settings = settings; self.strict = strict; self.format = format
    }

    static let known: Set<String> = ["id", "n", "mean", "sd", "se", "ci_lower", "ci_upper", "label",
                                     "n1", "mean1", "sd1", "se1", "ci_lower1", "ci_upper1", "label1",
                                     "n2", "mean2", "sd2", "se2", "ci_lower2", "ci_upper2", "label2"]

    mutating func run() throws {
        let name = path == "-" ? "<stdin>" : path
        let handle: FileHandle
        if path == "-" { handle = FileHandle.standardInput } else {
            guard let h = FileHandle(forReadingAtPath: path) else { throw ValidationError("--data: cannot open \(path)") }
            handle = h
        }
        var reader = CSVReader(fileHandle: handle, name: name)
        guard let header = try checked({ try reader.next() }) else { throw ValidationError("\(name): empty file") }
        var col: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() {
            let key = h.trimmingCharacters(in: .whitespaces).lowercased()
            guard Self.known.contains(key) else {
                throw ValidationError("\(name):\(header.line):\(header.positions[i].column): unknown column \"\(h)\"")
            }
            col[key] = i
        }
        let suffixed = col["n1"] != nil
        guard (suffixed ? col["mean1"] : col["mean"]) != nil, (suffixed || col["n"] != nil) else {
            throw ValidationError("\(name):1:1: needs columns n1,mean1 (and sd1, se1 or ci_lower1/ci_upper1), or n,mean,...")
        }
        let progress = isatty(STDERR_FILENO) != 0
        let extraCols = ["id", "line"]
        var first = true
        switch format {
        case .csv: write(ResultTable.csvHeader(extra: extraCols))
        case .json: write("[\n")
        case .text: break
        }
        var bad = 0, seen = 0
        while true {
            let record: CSVRecord
            do {
                guard let r = try reader.next() else { break }
                record = r
            } catch {
                bad += 1
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                if strict { throw ExitCode(1) }
                continue
            }
            seen += 1
            if progress, seen % 10_000 == 0 { FileHandle.standardError.write(Data("\r\(seen) rows".utf8)) }
            do {
                let rows = try compute(record, col: col, suffixed: suffixed, name: name)
                for r in rows { emit(r, first: &first, extra: extraCols) }
            } catch {
                bad += 1
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                if strict { finish(); throw ExitCode(1) }
            }
        }
        if progress, seen >= 10_000 { FileHandle.standardError.write(Data("\r\(seen) rows\n".utf8)) }
        finish()
        if bad > 0 {
            FileHandle.standardError.write(Data("\(name): \(bad) bad row(s) skipped\n".utf8))
            throw ExitCode(1)
        }
    }

    private func finish() {
        if format == .json { write(rowsOut == 0 ? "]\n" : "\n]\n") }
    }

    private func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }

    private mutating func emit(_ r: ResultRow, first: inout Bool, extra: [String]) {
        switch format {
        case .csv: write(ResultTable.csvLine(r, extra: extra))
        case .json:
            let obj = ResultTable.json([r]).split(separator: "\n", omittingEmptySubsequences: true)[1]
            write((first ? "" : ",\n") + obj)
        case .text:
            write((r.extra["id"].map { "\($0): " } ?? "line \(r.extra["line"] ?? "?"): ") + ResultTable.text([r]))
        }
        first = false
        rowsOut += 1
    }

    /// The result rows for one record; errors are located at file:line:column of the offending field.
    private func compute(_ rec: CSVRecord, col: [String: Int], suffixed: Bool, name: String) throws(InputError) -> [ResultRow] {
        func loc(_ key: String) -> String {
            if let i = col[key], i < rec.positions.count {
                return "\(name):\(rec.positions[i].line):\(rec.positions[i].column)"
            }
            return "\(name):\(rec.line):1"
        }
        func text(_ key: String) -> String? {
            guard let i = col[key], i < rec.fields.count else { return nil }
            let t = rec.fields[i].trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.uppercased() == "NA" ? nil : t
        }
        func num(_ key: String) throws(InputError) -> Double? {
            guard let t = text(key) else { return nil }
            return try PrintedNumber.parse(t, location: loc(key))
        }
        guard rec.fields.count == col.count else {
            throw InputError("\(name):\(rec.line):1", "\(rec.fields.count) fields where the header has \(col.count)")
        }
        let suffixes = suffixed ? (text("n2") != nil || text("mean2") != nil ? ["1", "2"] : ["1"]) : [""]
        var arms: [ArmSummary] = []
        for sfx in suffixes {
            guard let nText = text("n" + sfx) else { throw InputError(loc("n" + sfx), "missing n") }
            let n = try PrintedNumber.parseCount(nText, location: loc("n" + sfx))
            guard let mean = try num("mean" + sfx) else { throw InputError(loc("mean" + sfx), "missing mean") }
            let input = ArmInput(n: n, mean: mean, sd: try num("sd" + sfx), se: try num("se" + sfx),
                                 ciLower: try num("ci_lower" + sfx), ciUpper: try num("ci_upper" + sfx),
                                 label: text("label" + sfx))
            do {
                arms.append(try MeansCompute.arm(input, settings: settings))
            } catch {
                let key = error.location == "ci" ? "ci_lower" : (error.location == "level" ? "ci_lower" : error.location)
                throw InputError(loc(key + sfx), error.message)
            }
        }
        var rows: [ResultRow]
        do {
            rows = try MeansCompute.rows(arms, settings: settings, armRows: false)
        } catch {
            throw InputError("\(name):\(rec.line):1", error.message)
        }
        for i in rows.indices {
            rows[i].extra = ["line": String(rec.line)]
            if let id = text("id") { rows[i].extra["id"] = id }
        }
        return rows
    }
}

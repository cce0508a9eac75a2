import ArgumentParser
import Foundation
import TrialStatsKit
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
    /// Output bytes not yet written; flushed at 64 KiB and at the end (one write per row was a quarter of the run).
    private var pending: [UInt8] = []
    private static let flushAt = 1 << 16

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
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("--data: \(path) is a folder; give a CSV file, or - for standard input")
            }
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
        let layout = Layout(col: col, suffixed: suffixed)
        pending.reserveCapacity(Self.flushAt + 4096)
        let progress = isatty(STDERR_FILENO) != 0
        let extraCols = ["id", "line"]
        var first = true
        switch format {
        case .csv: try write(ResultTable.csvHeader(extra: extraCols))
        case .json: try write("[\n")
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
                if strict { try flush(); throw ExitCode(1) }
                continue
            }
            seen += 1
            if progress, seen % 10_000 == 0 { FileHandle.standardError.write(Data("\r\(seen) rows".utf8)) }
            let rows: [ResultRow]
            do {
                rows = try compute(record, col: col, layout: layout, name: name)
            } catch {
                bad += 1
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                if strict { try finish(); try flush(); throw ExitCode(1) }
                continue
            }
            for r in rows { try emit(r, first: &first, extra: extraCols) }
        }
        if progress, seen >= 10_000 { FileHandle.standardError.write(Data("\r\(seen) rows\n".utf8)) }
        try finish()
        try flush()
        if bad > 0 {
            FileHandle.standardError.write(Data("\(name): \(bad) bad row(s) skipped\n".utf8))
            throw ExitCode(1)
        }
    }

    private mutating func finish() throws {
        if format == .json { try write(rowsOut == 0 ? "]\n" : "\n]\n") }
    }

    private mutating func write(_ s: String) throws {
        pending.append(contentsOf: s.utf8)
        if pending.count >= Self.flushAt { try flush() }
    }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try StandardOutput.write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ r: ResultRow, first: inout Bool, extra: [String]) throws {
        switch format {
        case .csv:
            ResultTable.appendCSVLine(r, extra: extra, to: &pending)
            if pending.count >= Self.flushAt { try flush() }
        case .json:
            let obj = ResultTable.json([r]).split(separator: "\n", omittingEmptySubsequences: true)[1]
            try write((first ? "" : ",\n") + obj)
        case .text:
            try write((r.extra["id"].map { "\($0): " } ?? "line \(r.extra["line"] ?? "?"): ") + ResultTable.text([r]))
        }
        first = false
        rowsOut += 1
    }

    /// Column indices resolved once from the header: per arm (suffix "", "1" or "2") and the id column.
    struct Layout {
        struct Arm {
            var sfx: String
            var n, mean, sd, se, ciLower, ciUpper, label: Int?
        }
        var arms: [Arm]
        var id: Int?
        var n2: Int?
        var mean2: Int?
        var suffixed: Bool

        init(col: [String: Int], suffixed: Bool) {
            func arm(_ sfx: String) -> Arm {
                Arm(sfx: sfx, n: col["n" + sfx], mean: col["mean" + sfx], sd: col["sd" + sfx], se: col["se" + sfx],
                    ciLower: col["ci_lower" + sfx], ciUpper: col["ci_upper" + sfx], label: col["label" + sfx])
            }
            self.suffixed = suffixed
            arms = suffixed ? [arm("1"), arm("2")] : [arm("")]
            id = col["id"]; n2 = col["n2"]; mean2 = col["mean2"]
        }
    }

    /// A field's text with surrounding whitespace removed; nil when empty or NA (any case).
    /// Fields with plain ASCII ends (the usual case) skip Foundation's trimming.
    static func fieldText(_ f: String) -> String? {
        let u = f.utf8
        guard let b0 = u.first, let b1 = u.last else { return nil }
        if b0 > 0x20, b0 < 0x7F, b1 > 0x20, b1 < 0x7F {
            if u.count == 2, b0 | 0x20 == UInt8(ascii: "n"), b1 | 0x20 == UInt8(ascii: "a") { return nil }
            return f
        }
        let t = f.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t.uppercased() == "NA" ? nil : t
    }

    /// The result rows for one record; errors are located at file:line:column of the offending field.
    private func compute(_ rec: CSVRecord, col: [String: Int], layout: Layout, name: String) throws(InputError) -> [ResultRow] {
        func loc(_ i: Int?) -> String {
            if let i, i < rec.positions.count {
                return "\(name):\(rec.positions[i].line):\(rec.positions[i].column)"
            }
            return "\(name):\(rec.line):1"
        }
        func text(_ i: Int?) -> String? {
            guard let i, i < rec.fields.count else { return nil }
            return Self.fieldText(rec.fields[i])
        }
        // The location string is built only when a field is rejected.
        func num(_ i: Int?) throws(InputError) -> Double? {
            guard let t = text(i) else { return nil }
            do { return try PrintedNumber.parse(t, location: "") } catch { throw InputError(loc(i), error.message) }
        }
        guard rec.fields.count == col.count else {
            throw InputError("\(name):\(rec.line):1", "\(rec.fields.count) fields where the header has \(col.count)")
        }
        let armCount = layout.suffixed ? (text(layout.n2) != nil || text(layout.mean2) != nil ? 2 : 1) : 1
        var arms: [ArmSummary] = []
        arms.reserveCapacity(armCount)
        for c in layout.arms.prefix(armCount) {
            guard let nText = text(c.n) else { throw InputError(loc(c.n), "missing n") }
            let n: Int
            do { n = try PrintedNumber.parseCount(nText, location: "") } catch { throw InputError(loc(c.n), error.message) }
            guard let mean = try num(c.mean) else { throw InputError(loc(c.mean), "missing mean") }
            let input = ArmInput(n: n, mean: mean, sd: try num(c.sd), se: try num(c.se),
                                 ciLower: try num(c.ciLower), ciUpper: try num(c.ciUpper),
                                 label: text(c.label))
            do {
                arms.append(try MeansCompute.arm(input, settings: settings))
            } catch {
                let name = error.location.description
                let key = name == "ci" || name == "level" ? "ci_lower" : name
                throw InputError(loc(col[key + c.sfx]), error.message)
            }
        }
        var rows: [ResultRow]
        do {
            rows = try MeansCompute.rows(arms, settings: settings, armRows: false)
        } catch {
            throw InputError("\(name):\(rec.line):1", error.message)
        }
        let id = text(layout.id)
        for i in rows.indices {
            rows[i].extra = ["line": String(rec.line)]
            if let id { rows[i].extra["id"] = id }
        }
        return rows
    }
}

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

    /// The extra CSV columns of batch output, fixed before the first row: what the computed rows carry
    /// (`comparison`, `level`) and where each came from (`id`, `line`).
    static let extraColumns = ["comparison", "id", "level", "line"]

    static let known: Set<String> = ["id", "n", "mean", "sd", "se", "ci_lower", "ci_upper", "label",
                                     "n1", "mean1", "sd1", "se1", "ci_lower1", "ci_upper1", "label1",
                                     "n2", "mean2", "sd2", "se2", "ci_lower2", "ci_upper2", "label2"]

    mutating func run() throws {
        let (handle, name) = try openInput(path, flag: "--data")
        var reader = CSVReader(fileHandle: handle, name: name)
        guard let header = try FlagMap([:]).checked({ try reader.next() }) else { throw CLIFailure.data("\(name): the file is empty") }
        var col: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() {
            let key = h.trimmingCharacters(in: .whitespaces).lowercased()
            if let first = col[key] {
                throw CLIFailure.data("\(name):\(header.line):\(header.positions[i].column): column \(InputError.quoted(h)) appears twice (first as column \(first + 1))")
            }
            guard Self.known.contains(key) else {
                throw CLIFailure.data("\(name):\(header.line):\(header.positions[i].column): unknown column \(InputError.quoted(h)); known: \(Self.known.sorted().joined(separator: ", "))")
            }
            col[key] = i
        }
        let suffixed = col["n1"] != nil
        guard (suffixed ? col["mean1"] : col["mean"]) != nil, (suffixed || col["n"] != nil) else {
            throw CLIFailure.data("\(name):1:1: needs columns n1,mean1 (and sd1, se1 or ci_lower1/ci_upper1), or n,mean,...")
        }
        let layout = Layout(col: col, suffixed: suffixed)
        pending.reserveCapacity(Self.flushAt + 4096)
        let progress = Output.sink.errorIsTerminal
        let extraCols = Self.extraColumns
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
                Output.diagnostic("trialstats: " + error.description)
                if strict { try flush(); throw CLIFailure.silent(.dataError) }
                continue
            }
            seen += 1
            if progress, seen % 10_000 == 0 { Output.sink.writeError(Array("\r\(seen) rows".utf8)) }
            let rows: [ResultRow]
            do {
                rows = try compute(record, col: col, layout: layout, name: name)
            } catch {
                bad += 1
                Output.diagnostic("trialstats: " + error.description)
                if strict { try finish(); try flush(); throw CLIFailure.silent(.dataError) }
                continue
            }
            for r in rows { try emit(r, first: &first, extra: extraCols) }
        }
        if progress, seen >= 10_000 { Output.sink.writeError(Array("\r\(seen) rows\n".utf8)) }
        try finish()
        try flush()
        if bad > 0 {
            throw CLIFailure.data("\(name): \(bad) bad row(s) skipped")
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
        try Output.write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ r: ResultRow, first: inout Bool, extra: [String]) throws {
        switch format {
        case .csv:
            ResultTable.appendCSVLine(r, extra: extra, to: &pending)
            if pending.count >= Self.flushAt { try flush() }
        case .json:
            try write((first ? "" : ",\n") + ResultTable.jsonObject(r))
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
        func loc(_ i: Int?) -> InputLocation {
            if let i, i < rec.positions.count {
                return .position(file: name, line: rec.positions[i].line, column: rec.positions[i].column)
            }
            return .position(file: name, line: rec.line, column: 1)
        }
        func text(_ i: Int?) -> String? {
            guard let i, i < rec.fields.count else { return nil }
            return Self.fieldText(rec.fields[i])
        }
        // The location string is built only when a field is rejected.
        func num(_ i: Int?) throws(InputError) -> Double? {
            guard let t = text(i) else { return nil }
            do { return try PrintedNumber.parse(t, location: .position(file: name, line: rec.line, column: 1)) } catch { throw InputError(loc(i), error.message) }
        }
        guard rec.fields.count == col.count else {
            throw InputError(.position(file: name, line: rec.line, column: 1), "\(rec.fields.count) fields where the header has \(col.count)")
        }
        let armCount = layout.suffixed ? (text(layout.n2) != nil || text(layout.mean2) != nil ? 2 : 1) : 1
        var arms: [ArmSummary] = []
        arms.reserveCapacity(armCount)
        for c in layout.arms.prefix(armCount) {
            guard let nText = text(c.n) else { throw InputError(loc(c.n), "missing n") }
            let n: Int
            do { n = try PrintedNumber.parseCount(nText, location: .position(file: name, line: rec.line, column: 1)) } catch { throw InputError(loc(c.n), error.message) }
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
            throw InputError(.position(file: name, line: rec.line, column: 1), error.message)
        }
        let id = text(layout.id)
        for i in rows.indices {
            rows[i].extra["line"] = String(rec.line)
            if let id { rows[i].extra["id"] = id }
        }
        return rows
    }
}

// libFuzzer target for the dataset reader (TSStudies over TSCore.CSVReader) and the printed-number parsers.
// Built by Fuzz/build.sh into one module with the TSCore and TSStudies sources (their `import TSCore` removed),
// so internal readers are reachable. Not part of the package or of `swift test`.
//
// Input: the first byte picks the target, the rest is the text (invalid UTF-8 is replaced, as String(decoding:)
// does). Besides "no crash, no hang, no sanitizer report", it checks invariants and traps when one fails:
// every reader error is located at `fuzz.csv:LINE:COLUMN` (LINE, COLUMN ≥ 1); every parsed number is finite;
// a printed value lies in its own rounding interval; an interval's bounds are ordered; regimen ranges are ordered.
import Foundation

let fileName = "fuzz.csv"

/// Traps (a crash libFuzzer records) with a message when an invariant fails.
@inline(never)
func require(_ ok: Bool, _ what: @autoclosure () -> String) {
    if !ok { fatalError("invariant: " + what()) }
}

func checkLocated(_ e: InputError, file: String = fileName) {
    guard case .position(let f, let line, let column) = e.location else {
        return require(false, "error not at a file position: \(e.description)")
    }
    require(f == file && line >= 1 && column >= 1,
            "error not at \(file):line:column: \(e.description)")
}

func checkValue(_ v: PrintedValue) {
    require(v.value.isFinite, "non-finite printed value \(v.text)")
    if v.bound == .exact { require(v.isConsistent(with: v.value), "\(v.text) outside its own rounding interval") }
}

func checkRange(_ r: DoseRange?, _ what: String) {
    guard let r else { return }
    require(!(r.low > r.high), "\(what) range reversed: \(r)")
}

func checkRegimen(_ r: Regimen) {
    checkRange(r.amount, "amount"); checkRange(r.intervalDays, "interval"); checkRange(r.doses, "doses")
    checkRange(r.durationDays, "duration"); checkRange(r.daysPerWeek, "days/week")
    for unit in DoseUnit.allCases {
        for agent in AgentKind.allCases {
            checkRange(r.dailyEquivalent(in: unit, agent: agent), "daily")
            checkRange(r.cumulative(in: unit, agent: agent), "cumulative")
        }
    }
    _ = r.treatmentSpanDays
}

func numbers(_ text: String) {
    let loc: InputLocation = .position(file: "fuzz", line: 1, column: 1)
    if let x = try? PrintedNumber.parse(text, location: loc) {
        require(x.isFinite, "PrintedNumber.parse gave \(x) for \(text)")
        let d = try? PrintedNumber.parseWithDecimals(text, location: loc)
        require(d?.value == x, "parseWithDecimals disagrees with parse for \(text)")
    }
    if let n = try? PrintedNumber.parseCount(text, location: loc) { require(n >= 0, "negative count for \(text)") }
    if let xs = try? PrintedNumber.parseList(text, location: loc) { require(xs.allSatisfy(\.isFinite), "list \(text)") }
    for label in [nil, "p"] as [String?] {
        do throws(InputError) { checkValue(try PrintedValue.parse(text, location: loc, label: label)) }
        catch { require(error.location == loc, "PrintedValue error location \(error.location)") }
    }
    if let i = try? PrintedPairs.interval(text, location: loc) {
        checkValue(i.lower); checkValue(i.upper)
        require(i.lower.value <= i.upper.value, "interval \(text) reversed")
    }
    if let m = try? PrintedPairs.meanSD(text, location: loc) { checkValue(m.mean); checkValue(m.sd); require(m.sd.value >= 0, "SD < 0") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let selector = bytes[0] % 10
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    do throws(InputError) {
        switch selector {
        case 0: for r in try ArmSummaryRow.read(text: text, name: fileName) { checkValue(r.mean) }
        case 1: _ = try CategoryCountRow.read(text: text, name: fileName)
        case 2: _ = try PrintedComparisonRow.read(text: text, name: fileName)
        case 3: _ = try StudyMetadata.read(text: text, name: fileName)
        case 4: for r in try RegimenRow.read(text: text, name: fileName) { checkRegimen(r.regimen) }
        case 5: for r in try ReferenceIntake.read(text: text, name: fileName) { checkRegimen(r.intake) }
        case 6, 7: numbers(text)
        case 8:
            do throws(InputError) { checkRegimen(try RegimenParser.parse(text, location: .position(file: fileName, line: 1, column: 1))) }
            catch { checkLocated(error) }
        default:
            // A whole study folder: files separated by U+001E, in the order study, arms, counts, comparisons, regimens.
            let parts = text.components(separatedBy: "\u{1E}")
            var files: [String: String] = [:]
            for (i, part) in parts.prefix(StudyDataset.fileNames.count).enumerated() { files[StudyDataset.fileNames[i]] = part }
            do throws(InputError) { _ = try StudyDataset.parse(id: "fuzz", files: files, prefix: "fuzz/") }
            catch { require(error.location.description.hasPrefix("fuzz/"), "study error location \(error.location)") }
        }
    } catch {
        checkLocated(error)
    }
    // The streaming CSV reader on its own: records until the end, errors located, no record without a field.
    var reader = CSVReader(string: text, name: fileName)
    var records = 0
    while records < 100_000 {
        do throws(InputError) {
            guard let r = try reader.next() else { break }
            require(!r.fields.isEmpty && r.fields.count == r.positions.count && r.line >= 1, "bad record")
        } catch {
            checkLocated(error)
            if error.message.contains("never closed") { break }
        }
        records += 1
    }
    return 0
}

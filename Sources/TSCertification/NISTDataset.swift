import TSLinearAlgebra
import TSModels
import TSCore

/// A NIST StRD data set in the fixture format of Tests/Fixtures/nist: '#' comment lines (source and
/// citation), an optional 'model,<kind>[,<degree>]' line, 'cert,<name>,<value>,<sd>' lines, a header, then
/// data rows. Data are parsed as exact decimals into double words.
public struct NISTDataset: Sendable {
    public enum Kind: String, Sendable { case linearRegression = "linear regression", anova = "ANOVA", univariate }

    public let name: String
    public let kind: Kind
    let comments: [String]
    /// ["linear"], ["polynomial", "10"] or ["no_intercept"] for regression sets.
    public let model: [String]
    /// Certified values in file order: (name, value, standard deviation if given).
    public let certified: [(name: String, value: Double, sd: Double?)]
    public let header: [String]
    public let rows: [[DoubleWord]]

    public init(name: String, text: String) throws(ModelError) {
        var comments: [String] = [], model = ["linear"], cert: [(String, Double, Double?)] = []
        var header: [String] = [], rows: [[DoubleWord]] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let line = String(raw)
            if line.hasPrefix("#") { comments.append(line); continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells[0] == "model" {
                model = Array(cells.dropFirst())
            } else if cells[0] == "cert" {
                guard cells.count >= 3, let v = DoubleWord(decimal: cells[2]) else {
                    throw .degenerate("\(name):\(index + 1): bad certified value line")
                }
                let sd = cells.count > 3 ? DoubleWord(decimal: cells[3])?.value : nil
                cert.append((cells[1], v.value, sd))
            } else if header.isEmpty {
                header = cells
            } else {
                var row: [DoubleWord] = []
                for c in cells {
                    guard let v = DoubleWord(decimal: c) else { throw .degenerate("\(name):\(index + 1): not a number: \(c)") }
                    row.append(v)
                }
                rows.append(row)
            }
        }
        self.name = name
        self.comments = comments
        self.model = model
        certified = cert
        self.header = header
        self.rows = rows
        kind = header.first == "treatment" ? .anova : (header.count == 1 ? .univariate : .linearRegression)
    }

    /// Every data set, from the copy embedded in the library (see `NISTEmbedded`).
    public static func all() throws(ModelError) -> [NISTDataset] {
        var out: [NISTDataset] = []
        for (name, text) in NISTEmbedded.sets { out.append(try NISTDataset(name: name, text: expand(text))) }
        return out
    }

    /// Undoes the block-repeat compression of the TSNISTEmbed generator (Sources/TSNISTEmbed): a line '@r,k' means the next
    /// k lines occur r times in a row.
    public static func expand(_ compressed: String) -> String {
        let lines = compressed.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Substring] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("@"), let comma = line.firstIndex(of: ","),
               let r = Int(line[line.index(after: line.startIndex)..<comma]), let k = Int(line[line.index(after: comma)...]) {
                let block = lines[(i + 1)..<(i + 1 + k)]
                for _ in 0..<r { out.append(contentsOf: block) }
                i += 1 + k
            } else {
                out.append(line)
                i += 1
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The regression design: intercept + x columns ("linear"), 1, x, …, x^d ("polynomial"), or x alone,
    /// with powers formed in double-word arithmetic.
    public func regressionDesign() -> DesignMatrix {
        var cols: [[DoubleWord]]
        var names: [String]
        var intercept = true
        switch model[0] {
        case "polynomial":
            let d = Int(model[1]) ?? 1
            cols = (0...d).map { k in rows.map { r in (0..<k).reduce(DoubleWord(1)) { p, _ in p * r[1] } } }
            names = ["(Intercept)"] + (1...max(1, d)).prefix(d).map { $0 == 1 ? "x" : "x^\($0)" }
        case "no_intercept":
            cols = [rows.map { $0[1] }]
            names = ["x"]
            intercept = false
        default:
            cols = [rows.map { _ in DoubleWord(1) }] + (1..<header.count).map { j in rows.map { $0[j] } }
            names = ["(Intercept)"] + header.dropFirst()
        }
        let first = intercept ? 1 : 0
        let terms = (first..<cols.count).map { ModelTerm(name: names[$0], columns: $0..<($0 + 1)) }
        return DesignMatrix(columnNames: names, terms: terms, hasIntercept: intercept,
                            x: Matrix(columns: cols.map { $0.map(\.hi) }), xLow: Matrix(columns: cols.map { $0.map(\.lo) }),
                            y: rows.map { $0[0].hi }, yLow: rows.map { $0[0].lo })
    }
}

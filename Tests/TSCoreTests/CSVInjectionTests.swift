import Testing
import TSCore

/// Text that came from an input (a study label, an arm name) cannot act as a spreadsheet formula when a CSV
/// output is opened in a spreadsheet (OWASP, "CSV Injection").
@Suite struct CSVInjection {
    @Test func formulaStartsGetAnApostrophe() {
        #expect(DataTable.csvText("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(DataTable.csvText("+2.7 − (−4.6)") == "'+2.7 − (−4.6)")
        #expect(DataTable.csvText("@SUM(A1)") == "'@SUM(A1)")
        #expect(DataTable.csvText("-cmd") == "'-cmd")
        #expect(DataTable.csvText("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0")
        #expect(DataTable.csvText("-") == "'-" && DataTable.csvText("+") == "'+")
        #expect(DataTable.csvText("\tx") == "'\tx")
        #expect(DataTable.csvText("\rx") == "\"'\rx\"")
    }

    @Test func plainTextAndNumbersAreUnchanged() {
        for s in ["placebo", "−1.4", "-1.4", "-2e-3", "+1.9", "+0.5e3", "0.95", "", "a=b", "vitamin D3 + calcium", "1,725"] {
            let expected = s.contains(",") ? "\"\(s)\"" : s
            #expect(DataTable.csvText(s) == expected, "\(s)")
        }
        let t = DataTable(columns: ["label", "x"], rows: [[.text("=1+1"), .number(-1.5)], [.numeral("-3"), .text("-3")]])
        #expect(t.csv() == "label,x\n'=1+1,-1.5\n-3,-3\n")
    }

    @Test func theBatchWriterNeutralisesTheSameWay() {
        var row = ResultRow(quantity: "=q", estimate: 1, method: "+m")
        row.extra = ["label": "@x", "level": "0.95", "note": "-y"]
        let extra = ["label", "level", "note"]
        var bytes: [UInt8] = []
        ResultTable.appendCSVLine(row, extra: extra, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == ResultTable.csvLine(row, extra: extra))
        #expect(ResultTable.csvLine(row, extra: extra).hasPrefix("'=q,1,"))
        #expect(ResultTable.csvLine(row, extra: extra).hasSuffix(",'+m,'@x,0.95,'-y\n"))
    }
}

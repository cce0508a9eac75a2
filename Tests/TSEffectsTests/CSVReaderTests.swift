import Testing
import TSCore

@Suite struct CSVReaderTests {
    func all(_ s: String) throws -> [CSVRecord] {
        var r = CSVReader(string: s, name: "t.csv")
        var out: [CSVRecord] = []
        while let rec = try r.next() { out.append(rec) }
        return out
    }

    @Test func quotedFieldsCRLFAndBOM() throws {
        let recs = try all("\u{FEFF}a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n1,,3")
        #expect(recs.map(\.fields) == [["a", "b", "c"], ["x, y", "he said \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(recs.map(\.line) == [1, 2, 5])
        #expect(recs[1].positions.map(\.column) == [1, 8, 25])
        #expect(recs[2].positions.map(\.column) == [1, 3, 4])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let recs = try all("−1.4,2.7\n")
        #expect(recs[0].positions.map(\.column) == [1, 6])
    }

    @Test func malformedRecordIsLocatedAndReadingContinues() throws {
        var r = CSVReader(string: "a,b\n\"x\"y,2\n3,4\n", name: "t.csv")
        _ = try r.next()
        #expect(throws: InputError(.position(file: "t.csv", line: 2, column: 4), "unexpected text after a closing quote")) { _ = try r.next() }
        #expect(try r.next()?.fields == ["3", "4"])
        var u = CSVReader(string: "a\n\"open", name: "u.csv")
        _ = try u.next()
        #expect(throws: InputError(.position(file: "u.csv", line: 2, column: 1), "quoted field is never closed")) { _ = try u.next() }
    }
}

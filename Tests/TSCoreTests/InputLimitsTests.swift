import Foundation
import Testing
import TSCore

/// Limits on what the readers accept: a binary file or an endless line ends the reading with one error, a field
/// that is not UTF-8 is an error at its position, and a message never echoes a long cell.
@Suite struct InputLimits {
    func errors(_ bytes: [UInt8]) -> (records: Int, errors: [InputError]) {
        let data = Data(bytes)
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async { writer.write(data); try? writer.close() }
        var reader = CSVReader(fileHandle: pipe.fileHandleForReading, name: "t.csv")
        var records = 0, errors: [InputError] = []
        for _ in 0..<100 {
            do {
                guard try reader.next() != nil else { break }
                records += 1
            } catch { errors.append(error) }
        }
        return (records, errors)
    }

    @Test func aNulByteEndsTheInputWithOneError() {
        // /dev/zero used to be read for ever: a NUL is not text, and nothing after it is read.
        let r = errors(Array("n,mean\n10,1".utf8) + [0] + Array("\n10,2\n10,3\n".utf8))
        #expect(r.records == 1)
        #expect(r.errors.map(\.description) == ["t.csv:2:5: a NUL byte: this is not a text (CSV) file"])
    }

    @Test func aRecordLongerThanTheCapEndsTheInput() {
        let long = Array(repeating: UInt8(ascii: "9"), count: CSVReader.maxRecordBytes + 1)
        let r = errors(Array("n\n".utf8) + long + Array("\n5\n".utf8))
        #expect(r.records == 1)
        #expect(r.errors.count == 1 && r.errors[0].description.hasPrefix("t.csv:2:1: a record longer than 1048576 bytes"))
    }

    @Test func aRecordAtTheCapIsRead() {
        let exact = Array(repeating: UInt8(ascii: "9"), count: CSVReader.maxRecordBytes)
        #expect(errors(Array("n\n".utf8) + exact + Array("\n".utf8)).records == 2)
    }

    @Test func invalidUTF8IsAnErrorAtItsFieldAndTheNextRecordIsRead() {
        let r = errors(Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n2,3\n".utf8))
        #expect(r.records == 2)
        #expect(r.errors.map(\.description) == ["t.csv:2:3: this field is not valid UTF-8 text"])
    }

    @Test func quotedTextIsOneLineAndCut() {
        #expect(InputError.quoted("x") == "\"x\"")
        #expect(InputError.quoted("a\nb\tc") == "\"a\\nb\\tc\"")
        let long = String(repeating: "9", count: 10_000_000)
        let q = InputError.quoted(long)
        #expect(q.count < 200 && q.hasSuffix("…\" (10000000 characters)"))
        // Escapes count as shown: 1000 NUL bytes show as 20 escapes (100 characters), not 100 escapes (500).
        let nuls = InputError.quoted(String(repeating: "\u{0}", count: 1_000))
        #expect(nuls == "\"" + String(repeating: "\\u{0}", count: 20) + "…\" (1000 characters)")
        // One character of 10 000 combining marks is cut too.
        let cluster = InputError.quoted("e" + String(repeating: "\u{301}", count: 10_000))
        #expect(cluster.unicodeScalars.count < 150 && cluster.hasSuffix("…\" (1 characters)"))
        // Exactly 100 shown characters are not cut.
        #expect(InputError.quoted(String(repeating: "a", count: 100)) == "\"" + String(repeating: "a", count: 100) + "\"")
    }

    @Test func spacesInsideANumberAreThousandsSeparatorsOnly() throws {
        // "1 2" used to read as 12; a space between digits obeys the comma's grouping rule.
        #expect(try PrintedNumber.parse("1 725", location: "x") == 1725)
        #expect(try PrintedNumber.parse("12 345 678.5", location: "x") == 12_345_678.5)
        #expect(try PrintedNumber.parse("− 1.4", location: "x") == -1.4)
        for bad in ["1 2", "35 33", "1 7250", "1.2 3", "1,725.5,3"] {
            #expect(throws: InputError.self, "\(bad)") { try PrintedNumber.parse(bad, location: "x") }
        }
    }
}

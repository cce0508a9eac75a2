import Foundation

/// One CSV record with where each field started, for `file:line:column` messages.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based physical line on which the record starts.
    public var line: Int
    /// 1-based line and column (in characters) where each field starts.
    public var positions: [(line: Int, column: Int)]

    public static func == (a: CSVRecord, b: CSVRecord) -> Bool {
        a.fields == b.fields && a.line == b.line
            && a.positions.map(\.line) == b.positions.map(\.line) && a.positions.map(\.column) == b.positions.map(\.column)
    }
}

/// A streaming RFC 4180 reader: reads bytes in fixed-size chunks and yields one record at a time, so memory
/// stays constant however long the file. Handles quoted fields (with doubled quotes, commas and line breaks
/// inside), LF, CRLF and lone CR line ends, a UTF-8 byte-order mark, and a missing final line end.
/// Blank lines are skipped. A malformed record (text after a closing quote, or a quote opened and never
/// closed) throws an `InputError` located at `name:line:column`; the reader then continues with the next record.
/// Input that is not a table ends the reading after one error, so no input makes it hang or grow without bound:
/// a NUL byte (a binary file, `/dev/zero`) and a record longer than `maxRecordBytes`. A field that is not valid
/// UTF-8 is a malformed record.
public struct CSVReader {
    /// Longest record read (1 MiB); a longer one ends the input with an error.
    public static let maxRecordBytes = 1 << 20
    public let name: String
    private let source: () -> [UInt8]?   // next chunk, nil at end
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var line = 1
    private var column = 1
    private var started = false
    private var finished = false

    /// Reads from a file handle (pass `FileHandle.standardInput` for `-`).
    public init(fileHandle: FileHandle, name: String, chunkSize: Int = 1 << 16) {
        self.name = name
        self.source = {
            let data = fileHandle.readData(ofLength: chunkSize)
            return data.isEmpty ? nil : [UInt8](data)
        }
    }

    /// Reads from an in-memory string (tests, small inputs).
    public init(string: String, name: String = "<string>") {
        self.name = name
        var once: [UInt8]? = Array(string.utf8)
        self.source = {
            defer { once = nil }
            return once
        }
    }

    private mutating func peek() -> UInt8? {
        while index >= buffer.count {
            if atEnd { return nil }
            if let chunk = source() { buffer = chunk; index = 0 } else { atEnd = true; return nil }
        }
        return buffer[index]
    }

    private mutating func advance() -> UInt8? {
        guard let b = peek() else { return nil }
        index += 1
        if b == 0x0A { line += 1; column = 1 }
        else if b & 0xC0 != 0x80 { column += 1 }   // count characters, not UTF-8 continuation bytes
        return b
    }

    /// Consumes a line end if one is next (CRLF, LF or CR); returns whether it did.
    private mutating func consumeLineEnd() -> Bool {
        guard let b = peek() else { return false }
        if b == 0x0A { _ = advance(); return true }
        if b == 0x0D {
            index += 1
            if peek() == 0x0A { index += 1 }
            line += 1; column = 1
            return true
        }
        return false
    }

    /// The next record, or nil at end of input.
    public mutating func next() throws(InputError) -> CSVRecord? {
        if !started {
            started = true
            if peek() == 0xEF, index + 2 < buffer.count, buffer[index + 1] == 0xBB, buffer[index + 2] == 0xBF { index += 3 }
        }
        if finished { return nil }
        while consumeLineEnd() {}    // skip blank lines
        guard peek() != nil else { return nil }
        var fields: [String] = []
        var positions: [(line: Int, column: Int)] = []
        let recordLine = line
        var problem: InputError? = nil
        var bytes: [UInt8] = []
        var recordBytes = 0
        /// An error after which nothing more is read.
        func fatal(_ line: Int, _ column: Int, _ message: String) -> InputError {
            finished = true
            return InputError(.position(file: name, line: line, column: column), message)
        }
        func check(_ b: UInt8) throws(InputError) {
            recordBytes += 1
            if b == 0 { throw fatal(line, column, "a NUL byte: this is not a text (CSV) file") }
            if recordBytes > Self.maxRecordBytes {
                throw fatal(recordLine, 1, "a record longer than \(Self.maxRecordBytes) bytes; this is not a table of summary statistics")
            }
        }
        fieldLoop: while true {
            positions.append((line, column))
            bytes.removeAll(keepingCapacity: true)
            if peek() == 0x22 {   // quoted field
                let open = (line, column)
                _ = advance()
                var closed = false
                while let b = peek() {
                    try check(b)
                    _ = advance()
                    if b == 0x22 {
                        if peek() == 0x22 { _ = advance(); bytes.append(0x22) } else { closed = true; break }
                    } else if b == 0x0D {
                        if peek() == 0x0A { index += 1 }
                        line += 1; column = 1
                        bytes.append(0x0A)
                    } else {
                        bytes.append(b)
                    }
                }
                if !closed {
                    fields.append(String(decoding: bytes, as: UTF8.self))
                    throw InputError(.position(file: name, line: open.0, column: open.1), "quoted field is never closed")
                }
                // After the closing quote only a comma or line end may follow.
                while let b = peek(), b != 0x2C, b != 0x0A, b != 0x0D {
                    if problem == nil {
                        problem = InputError(.position(file: name, line: line, column: column), "unexpected text after a closing quote")
                    }
                    _ = advance()
                }
            } else {
                while let b = peek(), b != 0x2C, b != 0x0A, b != 0x0D {
                    try check(b)
                    if b == 0x22, problem == nil {
                        problem = InputError(.position(file: name, line: line, column: column), "quote inside an unquoted field")
                    }
                    bytes.append(b)
                    _ = advance()
                }
            }
            if problem == nil, String(validating: bytes, as: UTF8.self) == nil {
                let at = positions[positions.count - 1]
                problem = InputError(.position(file: name, line: at.line, column: at.column), "this field is not valid UTF-8 text")
            }
            fields.append(String(decoding: bytes, as: UTF8.self))
            if peek() == 0x2C { _ = advance(); continue fieldLoop }
            _ = consumeLineEnd()
            break
        }
        if let problem { throw problem }
        return CSVRecord(fields: fields, line: recordLine, positions: positions)
    }
}

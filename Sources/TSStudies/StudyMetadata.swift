import Foundation
import TSCore

/// `study.csv`: key/value rows describing the study, each with its source. Keys come from a fixed list;
/// `arm`, `author`, `companion` and `note` may repeat, the others appear at most once.
public struct StudyMetadata: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var provenance: Provenance
        public var location: String
    }

    /// Keys a study.csv may use, with what they hold (documented in Datasets/README.md).
    public static let keys: [String: String] = [
        "title": "the paper's title",
        "citation": "the full citation as a reviewer would write it",
        "author": "one author (repeat the key, in printed order)",
        "journal": "journal name or abbreviation",
        "year": "year of publication",
        "volume": "volume", "issue": "issue", "pages": "pages or article number",
        "pmid": "PubMed identifier (digits)",
        "doi": "DOI, starting 10.",
        "registration": "trial registration (e.g. NCT number)",
        "design": "design as printed (e.g. randomised double-blind placebo-controlled)",
        "population": "who was studied",
        "age": "age range or mean as printed",
        "randomised": "number randomised",
        "included": "number included (non-randomised studies)",
        "completed": "number who completed",
        "duration": "length of follow-up as printed",
        "arm": "an arm's label, used in every other file (repeat the key per arm)",
        "companion": "another report of the same study that supplied values (repeat per report)",
        "note": "anything a reviewer should know (repeatable)",
    ]
    static let repeatable: Set<String> = ["arm", "author", "companion", "note"]
    static let requiredKeys = ["title", "citation", "year", "design", "arm"]

    public var entries: [Entry]

    /// The value of a single-valued key.
    public func value(_ key: String) -> String? { entries.first { $0.key == key }?.value }
    /// All values of a repeatable key, in file order.
    public func values(_ key: String) -> [String] { entries.filter { $0.key == key }.map(\.value) }
    /// Arm labels in file order.
    public var arms: [String] { values("arm") }

    static let columns = ["key", "value", "source", "status", "reason"]

    static func read(text: String, name: String) throws(InputError) -> StudyMetadata {
        let table = try CSVTable(text: text, name: name, required: columns)
        var entries: [Entry] = []
        var firstLine: [String: Int] = [:]
        var armLine: [String: Int] = [:]
        for row in table.rows {
            let key = try row.required("key", "name what the row holds")
            guard keys[key] != nil else {
                throw InputError(row.location("key"), "unknown key \(InputError.quoted(key)); the keys are: \(keys.keys.sorted().joined(separator: ", "))")
            }
            if !repeatable.contains(key), let first = firstLine[key] {
                throw InputError(row.location("key"), "key \(InputError.quoted(key)) appears twice (first at line \(first))")
            }
            firstLine[key] = firstLine[key] ?? row.line
            let value = try row.required("value", "give the \(key) as printed")
            try check(key: key, value: value, at: row.location("value"))
            if key == "arm" {
                if let first = armLine[value] {
                    throw InputError(row.location("value"), "arm \(InputError.quoted(value)) is declared twice (first at line \(first))")
                }
                armLine[value] = row.line
            }
            entries.append(Entry(key: key, value: value, provenance: try Provenance.read(row, valueColumns: ["value"]),
                                 location: "\(name):\(row.line)"))
        }
        for key in requiredKeys where firstLine[key] == nil {
            throw InputError(.position(file: name, line: 1, column: 1), "key \(InputError.quoted(key)) is missing")
        }
        return StudyMetadata(entries: entries)
    }

    /// Format checks for keys with a known shape.
    static func check(key: String, value: String, at location: InputLocation) throws(InputError) {
        switch key {
        case "year":
            guard value.count == 4, let y = Int(value), (1900...2100).contains(y) else {
                throw InputError(location, "year \(InputError.quoted(value)) is not a four-digit year")
            }
        case "pmid":
            guard !value.isEmpty, value.count <= 9, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) else {
                throw InputError(location, "pmid \(InputError.quoted(value)) is not a PubMed identifier (digits only)")
            }
        case "doi":
            guard value.hasPrefix("10."), value.contains("/"), !value.contains(" ") else {
                throw InputError(location, "doi \(InputError.quoted(value)) does not look like a DOI (10.xxxx/...)")
            }
        case "randomised", "included", "completed":
            _ = try PrintedNumber.parseCount(value, location: location)
        default:
            break
        }
    }
}

import TrialStatsKit

// The command-line tool names flags; these overloads take a flag (or a `file:line:column` it built) as text.
extension InputError {
    init(_ flag: String, _ message: String) { self.init(.flag(flag), message) }
}

extension PrintedNumber {
    static func parse(_ text: String, location flag: String) throws(InputError) -> Double {
        try parse(text, location: .flag(flag))
    }
    static func parseWithDecimals(_ text: String, location flag: String) throws(InputError) -> (value: Double, decimals: Int) {
        try parseWithDecimals(text, location: .flag(flag))
    }
    static func parseCount(_ text: String, location flag: String) throws(InputError) -> Int {
        try parseCount(text, location: .flag(flag))
    }
    static func parseList(_ text: String, location flag: String) throws(InputError) -> [Double] {
        try parseList(text, location: .flag(flag))
    }
}

extension PrintedInterval {
    static func parse(_ text: String, location flag: String, label: String? = nil) throws(InputError) -> PrintedInterval {
        try parse(text, location: .flag(flag), label: label)
    }
}

extension ContingencyTable {
    static func parse(_ text: String, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                      location flag: String) throws(InputError) -> ContingencyTable {
        try parse(text, rowLabels: rowLabels, columnLabels: columnLabels, location: .flag(flag))
    }
}

extension PrintedInterval {
    init(_ text: String, location flag: String, domain: ClosedRange<Double> = -Double.infinity...Double.infinity,
         label: String? = nil) throws(InputError) {
        try self.init(text, location: .flag(flag), domain: domain, label: label)
    }
}

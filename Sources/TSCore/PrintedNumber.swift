import Foundation

/// Numbers as papers print them: Unicode minus (U+2212) and other dashes used as minus, a
/// leading plus, thousands separators ("1,725"), surrounding spaces and a trailing "%".
public enum PrintedNumber {
    /// Parses one number. `location` names the flag or `file:line:column` for the error message.
    public static func parse(_ text: String, location: InputLocation) throws(InputError) -> Double {
        if let value = parsePlainASCII(text) { return value }
        let s = normalize(text)
        guard !s.isEmpty else { throw InputError(location, "expected a number, found nothing") }
        guard isPlainDecimal(s), let value = Double(s), value.isFinite else {
            throw InputError(location, "expected a number, found \(InputError.quoted(text))")
        }
        return value
    }

    /// Parses one number and reports its printed precision: the number of decimal places it was printed
    /// with ("0.70" → 2, "1,725" → 0, "1e-4" → 4, "1.5e3" → −2), so that the caller can tell "0.70" from
    /// "0.7". Accepts exactly what `parse` accepts, with the same errors.
    public static func parseWithDecimals(_ text: String, location: InputLocation) throws(InputError) -> (value: Double, decimals: Int) {
        let value = try parse(text, location: location)
        return (value, decimals(ofNormalized: normalize(text)))
    }

    /// Decimal places of a canonical spelling (see `normalize`): fraction digits minus the exponent.
    static func decimals(ofNormalized s: String) -> Int {
        let parts = s.split(whereSeparator: { $0 == "e" || $0 == "E" }).map(String.init)
        let mantissa = parts.first ?? s
        var fraction = 0
        if let dot = mantissa.firstIndex(of: ".") { fraction = mantissa[mantissa.index(after: dot)...].count }
        let exponent = parts.count > 1 ? (Int(parts[1]) ?? 0) : 0
        return fraction - exponent
    }

    /// Parses a whole count ("1,725" or "1725"); rejects fractions and negatives.
    public static func parseCount(_ text: String, location: InputLocation) throws(InputError) -> Int {
        guard !text.contains("%") else {
            throw InputError(location, "expected a whole count, found the percentage \(InputError.quoted(text)); give the number of participants")
        }
        let v = try parse(text, location: location)
        guard v >= 0, v == v.rounded(), v < 9.0e15 else {
            throw InputError(location, "expected a whole non-negative count, found \(InputError.quoted(text))")
        }
        return Int(v)
    }

    /// Parses a comma- or semicolon-free list such as "-1.6,0.2" or "−1.6 to 0.2" into numbers.
    /// Thousands separators are not accepted inside lists; quote single values instead.
    public static func parseList(_ text: String, location: InputLocation) throws(InputError) -> [Double] {
        let t = text.replacingOccurrences(of: " to ", with: ",")
        var out: [Double] = []
        for part in t.split(separator: ",", omittingEmptySubsequences: false) {
            out.append(try parse(String(part), location: location))
        }
        return out
    }

    /// Canonical ASCII spelling: minus signs unified, `+`, spaces, thin spaces, `%` and grouping commas removed.
    /// A space between two digits is a thousands separator ("1 725") and obeys the comma's rule, so "1 2" is not 12.
    static func normalize(_ text: String) -> String {
        var s = ""
        let chars = Array(text)
        let spaces: Set<Character> = [" ", "\t", "\u{00A0}", "\u{2009}", "\u{202F}"]
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "\u{2212}", "\u{2012}", "\u{2013}", "\u{FE63}", "\u{FF0D}": s.append("-")
            case _ where spaces.contains(ch):
                let next = chars[(i + 1)...].first { !spaces.contains($0) }
                if let last = s.last, last.isASCII, last.isNumber, s.last != ",", let next, next.isASCII, next.isNumber { s.append(",") }
            case "%": continue
            default: s.append(ch)
            }
        }
        if s.hasPrefix("+") { s.removeFirst() }
        if s.contains(",") {
            // Only grouping commas are allowed: 1,725 or 12,345,678.5
            let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count > 1, parts[1].contains(",") { return text }
            let intPart = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0][...]
            let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
            let ok = groups.count > 1 && (1...3).contains(groups[0].count)
                && groups.dropFirst().allSatisfy { $0.count == 3 }
            if !ok { return text }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        return s
    }

    /// Fast path for text that is already canonical plain ASCII (`[0-9+-.eE]` only, as CSV files print
    /// numbers): the same digits-sign-point-exponent check as `isPlainDecimal` on the bytes, after the one
    /// leading `+` that `normalize` drops. Returns nil whenever the general path must decide (other
    /// characters, a malformed or non-finite number), so accepted values and error messages are unchanged.
    static func parsePlainASCII(_ text: String) -> Double? {
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        var sawDigit = false, sawPoint = false, sawExp = false
        var prev: UInt8 = 0
        var first = true
        for b in utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if !(first || prev == UInt8(ascii: "e") || prev == UInt8(ascii: "E")) { return nil }
            case UInt8(ascii: "."):
                if sawPoint || sawExp { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if sawExp || !sawDigit { return nil }
                sawExp = true
            default: return nil
            }
            prev = b
            first = false
        }
        guard sawDigit, prev != UInt8(ascii: "e"), prev != UInt8(ascii: "E"),
              prev != UInt8(ascii: "-"), prev != UInt8(ascii: "+") else { return nil }
        guard let value = Double(Substring(utf8)), value.isFinite else { return nil }
        return value
    }

    /// Digits with optional sign, point and exponent; rejects "nan", "inf", hex floats.
    static func isPlainDecimal(_ s: String) -> Bool {
        var sawDigit = false, sawPoint = false, sawExp = false
        var prev: Character? = nil
        for (i, ch) in s.enumerated() {
            switch ch {
            case "0"..."9": sawDigit = true
            case "-", "+":
                if !(i == 0 || prev == "e" || prev == "E") { return false }
            case ".":
                if sawPoint || sawExp { return false }
                sawPoint = true
            case "e", "E":
                if sawExp || !sawDigit { return false }
                sawExp = true
            default: return false
            }
            prev = ch
        }
        return sawDigit && prev != "e" && prev != "E" && prev != "-" && prev != "+"
    }
}

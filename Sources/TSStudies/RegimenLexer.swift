import Foundation
import TSCore

/// Tokens of a regimen text: numbers (with grouping "1,000" or "10 000" read as one), words, symbols.
enum RegimenToken: Equatable {
    case number(Double)
    case word(String)
    case symbol(String)
}

enum RegimenLexer {
    /// Lower case, "µg"/"μg"/"mcg" → "ug", dashes and Unicode minus → "-", "≥"/"≤" → ">="/"<=", "×" → "x",
    /// "D(3)" → "d3", other parentheses → spaces.
    static func normalize(_ text: String) -> String {
        var s = text.lowercased()
        for (from, to) in [("µ", "u"), ("μ", "u"), ("mcg", "ug"), ("d(3)", "d3"), ("d(2)", "d2"), ("≥", " >= "),
                           ("⩾", " >= "), ("≤", " <= "), ("⩽", " <= "), ("×", " x "), ("(", " "), (")", " "),
                           ("\u{2212}", "-"), ("\u{2012}", "-"), ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{FE63}", "-")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s
    }

    static func tokens(_ text: String, location: InputLocation) throws(InputError) -> [RegimenToken] {
        let c = Array(normalize(text))
        var out: [RegimenToken] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < c.count && c[k].isASCII && c[k].isNumber }
        func isLetter(_ k: Int) -> Bool { k < c.count && c[k].isLetter }
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{2009}", "\u{202F}", "\t"]
        while i < c.count {
            let ch = c[i]
            if spaces.contains(ch) { i += 1; continue }
            if isDigit(i) || (ch == "." && isDigit(i + 1)) {
                var digits = ""
                var groupDigits = 0
                while i < c.count {
                    if isDigit(i) { digits.append(c[i]); groupDigits += 1; i += 1; continue }
                    // grouping: ",ddd" or " ddd" (also thin/no-break space) not followed by another digit
                    if (c[i] == "," || spaces.contains(c[i])), !digits.contains("."), (1...3).contains(groupDigits),
                       isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                        i += 1; groupDigits = 0; continue
                    }
                    if c[i] == ".", !digits.contains("."), isDigit(i + 1) { digits.append("."); i += 1; continue }
                    break
                }
                guard let v = Double(digits) else { throw InputError(location, "cannot read the number \(InputError.quoted(digits))") }
                out.append(.number(v))
                continue
            }
            if isLetter(i) {
                var w = ""
                while i < c.count {
                    if c[i].isLetter || isDigit(i) { w.append(c[i]); i += 1; continue }
                    if (c[i] == "-" || c[i] == ".") && (isLetter(i + 1) || isDigit(i + 1)) { w.append(c[i]); i += 1; continue }
                    if c[i] == "." && w.contains(".") { w.append(c[i]); i += 1; continue }   // "i.m."
                    break
                }
                out.append(.word(w))
                continue
            }
            if (ch == ">" || ch == "<") && i + 1 < c.count && c[i + 1] == "=" { out.append(.symbol(String([ch, "="]))); i += 2; continue }
            if "/-=,;.".contains(ch) { out.append(.symbol(String(ch))); i += 1; continue }
            throw InputError(location, "regimen \(InputError.quoted(text)): cannot read \(InputError.quoted(String(ch)))")
        }
        return out
    }
}

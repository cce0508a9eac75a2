import Testing
@testable import TSCore

@Suite struct PrintedNumberParsing {
    @Test(arguments: [
        ("−1.4", -1.4), ("-1.4", -1.4), ("+0.7", 0.7), ("1,725", 1725), ("12,345,678.5", 12_345_678.5),
        (" 2.7 ", 2.7), ("0.006", 0.006), ("1e-300", 1e-300), ("−2.3", -2.3), ("5%", 5), ("\u{2013}0.4", -0.4),
    ])
    func acceptsWhatPapersPrint(text: String, value: Double) throws {
        #expect(try PrintedNumber.parse(text, location: "--x") == value)
    }

    @Test(arguments: ["", "nan", "NaN", "inf", "1.2.3", "1,72", "12,3456", "abc", "0x10", "1e", "--1", "1-"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(throws: InputError.self) { try PrintedNumber.parse(text, location: "--x") }
    }

    @Test func errorNamesTheFlag() {
        do {
            _ = try PrintedNumber.parse("abc", location: "--sd")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "--sd: expected a number, found \"abc\"")
        }
    }

    @Test func rangesAsPrinted() throws {
        #expect(try PrintedNumber.parseList("−2.3 to −0.4", location: "--ci") == [-2.3, -0.4])
        #expect(try PrintedNumber.parseList("-1.6,0.2", location: "--ci") == [-1.6, 0.2])
    }

    @Test func countsMustBeWhole() throws {
        #expect(try PrintedNumber.parseCount("1,725", location: "--n") == 1725)
        #expect(throws: InputError.self) { try PrintedNumber.parseCount("2.5", location: "--n") }
        #expect(throws: InputError.self) { try PrintedNumber.parseCount("-3", location: "--n") }
    }
}

@Suite struct ResultTableFormats {
    @Test func csvHas17SignificantDigitsAndQuotes() {
        let row = ResultRow(quantity: "mean", estimate: 0.1, ciLower: -1.0 / 3, method: "t, \"pooled\"")
        let csv = ResultTable.csv([row])
        #expect(csv == "quantity,estimate,se,ci_lower,ci_upper,statistic,df,p_value,method\n"
            + "mean,0.10000000000000001,NA,-0.33333333333333331,NA,NA,NA,NA,\"t, \"\"pooled\"\"\"\n")
    }

    @Test func jsonUsesNullForMissing() {
        let json = ResultTable.json([ResultRow(quantity: "x", estimate: 2, method: "m")])
        #expect(json.contains("\"estimate\": 2, \"se\": null"))
    }
}

@Suite struct PrintedNumberPrecision {
    @Test(arguments: [
        ("0.70", 0.7, 2), ("0.7", 0.7, 1), ("1,725", 1725, 0), ("−2.3", -2.3, 1), ("0.0001", 0.0001, 4),
        ("1e-4", 0.0001, 4), ("1.5e3", 1500, -2), ("55", 55, 0), ("12,345,678.50", 12_345_678.5, 2), ("5.0%", 5, 1),
    ])
    func keepsTheNumberOfDecimalsPrinted(text: String, value: Double, decimals: Int) throws {
        let r = try PrintedNumber.parseWithDecimals(text, location: "--x")
        #expect(r.value == value)
        #expect(r.decimals == decimals)
    }

    @Test func rejectsWhatParseRejects() {
        do {
            _ = try PrintedNumber.parseWithDecimals("1.2.3", location: "f.csv:2:3")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "f.csv:2:3: expected a number, found \"1.2.3\"")
        }
    }
}

import Foundation
import Testing

@Suite struct ModelCLI {
    static func fixture(_ name: String, file: String = #filePath) -> String {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    /// `certify` finds its data anywhere (embedded) and meets every target: exit 0, 258 values.
    @Test func certifyPrintsTheLRETable() throws {
        let r = try CLIRunner.run(["certify"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Filip") && r.stdout.contains("SmLs09") && r.stdout.contains("NumAcc4"))
        #expect(r.stdout.contains("258 certified values, 150 with targets, 0 missed."))
    }

    /// `certify --format json` is JSON (it used to print CSV): numbers as numbers, pass as a boolean.
    @Test func certifyJSONIsJSON() throws {
        for args in [["certify", "--format", "json", "--datasets", "Norris"], ["certify", "--summary", "--format", "json"]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 0)
            let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
            let rows = try #require(parsed, "\(args)")
            #expect(!rows.isEmpty && rows[0]["dataset"] as? String == "Norris")
            if args.count == 5 {
                #expect(r.stdout.contains(#/"lre": [0-9][0-9.e+-]*, "target": 9, "pass": true}/#), "\(r.stdout.prefix(300))")
            }
        }
    }

    @Test func modelCSVHasOneRowPerTerm() throws {
        let r = try CLIRunner.run(["model", "--data", Self.fixture("models_data_toothgrowth.csv"), "--outcome", "len",
                                   "--arm", "supp", "--covariates", "dose", "--format", "csv", "--conf-level", "95%"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("coefficient,") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("adjusted_difference,-3.70000000000000") })
    }

    @Test func unknownColumnFailsNamingIt() throws {
        let r = try CLIRunner.run(["model", "--data", Self.fixture("models_data_toothgrowth.csv"), "--outcome", "len",
                                   "--arm", "supplement"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("trialstats: --arm: unknown column \"supplement\""))
    }

    @Test func nonNumericValueFailsWithFileLineColumn() throws {
        let r = try CLIRunner.run(["model", "--data", "-", "--outcome", "y", "--arm", "g"], stdin: "y,g\n1,A\nx,B\n2,A\n3,B\n")
        #expect(r.status == 65)
        #expect(r.stderr.contains("<stdin>:3:1: column \"y\": expected a number, found \"x\""))
    }
}

import Testing

@Suite struct DistCommandLine {
    @Test func binomialTakesSizeAndProb() throws {
        // P(X ≤ 3) for X ~ Binomial(10, 0.5) = 176/1024 = 0.171875 exactly.
        let r = try CLIRunner.run(["dist", "binomial", "--size", "10", "--prob", "0.5", "--cdf", "3", "--format", "json"])
        #expect(r.status == 0 && r.stdout.contains("\"value\": 0.171875"), "\(r.stdout)")
    }

    /// t(33) 97.5% quantile, R: qt(0.975, 33) = 2.0345152974493383 (17 digits; mpmath agrees to all shown).
    @Test func tQuantileCSVHasValueColumnWith17Digits() throws {
        let r = try CLIRunner.run(["dist", "t", "--df", "33", "--quantile", "0.975", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines.first == "distribution,parameters,function,argument,value")
        let value = Double(lines[1].split(separator: ",").last!)!
        #expect(abs(value - 2.0345152974493383) <= 4e-16 * 2.03)   // ≤ 2 ulp: the fixture suite checks 1e-13 bounds
    }

    /// Negative values work both as `--x -1.5` and `--x=-1.5`, and with a Unicode minus.
    @Test(arguments: [["--cdf", "-1.5"], ["--cdf=-1.5"], ["--cdf", "−1.5"]])
    func negativeFlagValues(flags: [String]) throws {
        let r = try CLIRunner.run(["dist", "normal", "--format", "csv"] + flags)
        #expect(r.status == 0, "\(r.stderr)")
        // mpmath (50 digits): Φ(−1.5) = 0.066807201268858066004…; allow 1 ulp (1.4e-17) for the C library's erfc.
        let value = Double(r.stdout.split(separator: "\n").last!.split(separator: ",").last!)!
        #expect(abs(value - 0.066807201268858066004) <= 1.4e-17)
        #expect(r.stdout.contains(",-1.5,"))
    }

    @Test(arguments: [
        (["dist", "t", "--df", "0", "--cdf", "1"], "--df"),
        (["dist", "t", "--df", "-2", "--cdf", "1"], "--df"),
        (["dist", "t", "--cdf", "1"], "--df"),
        (["dist", "normal", "--quantile", "1.5"], "--quantile"),
        (["dist", "normal", "--quantile", "nan"], "--quantile"),
        (["dist", "f", "--df1", "2", "--cdf", "1"], "--df2"),
        (["dist", "normal", "--sd", "NaN", "--cdf", "1"], "--sd"),
        (["dist", "binomial", "--size", "10", "--prob", "1.5", "--cdf", "3"], "--prob"),
        (["dist", "binomial", "--size", "10", "--cdf", "3"], "--prob"),
        (["dist", "binomial", "--n", "10", "--prob", "0.5", "--cdf", "3"], "--n"),
        (["dist", "normal"], "--cdf"),
        (["dist", "chisq", "--df", "5e-324", "--cdf", "1"], "--df"),
        (["dist", "noncentral-t", "--df", "3", "--ncp", "2e4", "--cdf", "1"], "--ncp"),
        (["dist", "noncentral-t", "--df", "1e20", "--ncp", "0", "--sf", "1e8"], "--sf"),
    ])
    func badInputIsOneLineNamingTheFlag(arguments: [String], flag: String) throws {
        let r = try CLIRunner.run(arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("trialstats: \(flag): "), "\(r.stderr)")
    }
}

import ArgumentParser
import Foundation
import TrialStatsKit

/// One evaluated distribution function: what `dist` prints.
struct DistributionValue {
    var distribution: String
    var parameters: String
    var function: String
    var argument: Double
    var value: Double
}

/// Turns `dist` flags into a distribution value and evaluates the one requested function.
/// All checks name the flag that failed.
struct DistributionEvaluation {
    let row: DistributionValue

    /// The parameter flags of each distribution.
    static let parameterFlags: [DistCommand.Name: [String]] = [
        .normal: ["--mean", "--sd"], .t: ["--df"], .chisq: ["--df"], .f: ["--df1", "--df2"],
        .beta: ["--shape1", "--shape2"], .gamma: ["--shape", "--scale"], .binomial: ["--size", "--prob"],
        .poisson: ["--mean"], .hypergeometric: ["--successes", "--failures", "--draws"], .noncentralT: ["--df", "--ncp"],
    ]

    init(_ c: DistCommand) throws {
        let requests: [(String, Number?)] = [
            ("cdf", c.cdf), ("sf", c.sf), ("quantile", c.quantile), ("isf", c.isf), ("pdf", c.pdf), ("logpdf", c.logpdf),
        ]
        let given = requests.filter { $0.1 != nil }
        guard given.count == 1, let (function, number) = given.first, let number else {
            throw CLIFailure.usage(given.isEmpty ? "--cdf" : "--" + given[1].0,
                                   "give exactly one of --cdf, --sf, --quantile, --isf, --pdf or --logpdf")
        }
        let flag = "--" + function
        let arg = number.value, text = number.text
        // A parameter the distribution does not have is refused, not ignored.
        let parameters: [(String, Bool)] = [
            ("--mean", c.mean != nil), ("--sd", c.sd != nil), ("--df", c.df != nil), ("--df1", c.df1 != nil),
            ("--df2", c.df2 != nil), ("--shape1", c.shape1 != nil), ("--shape2", c.shape2 != nil), ("--shape", c.shape != nil),
            ("--scale", c.scale != nil), ("--ncp", c.ncp != nil), ("--size", c.size != nil), ("--prob", c.prob != nil),
            ("--successes", c.successes != nil), ("--failures", c.failures != nil), ("--draws", c.draws != nil),
        ]
        let own = Self.parameterFlags[c.name] ?? []
        if let foreign = parameters.first(where: { $0.1 && !own.contains($0.0) }) {
            throw CLIFailure.usage(foreign.0, "not a parameter of \(c.name.rawValue); it takes \(own.joined(separator: ", "))")
        }
        if function == "quantile" || function == "isf" {
            guard arg >= 0 && arg <= 1 else { throw CLIFailure.usage(flag, "a probability must be in [0, 1], got \(text)") }
        }

        func value(_ s: Number?, _ flag: String, default d: Double? = nil) throws -> Double {
            guard let s else {
                if let d { return d }
                throw CLIFailure.usage(flag, "missing; \(c.name.rawValue) needs \(flag)")
            }
            return s.value
        }
        func count(_ s: Count?, _ flag: String) throws -> Int {
            guard let s else { throw CLIFailure.usage(flag, "missing; \(c.name.rawValue) needs \(flag)") }
            return s.value
        }
        /// Library errors name the distribution's parameters; `DistCommand.flags` maps them to flags.
        func make<D>(_ unused: [String: String], _ body: () throws -> D) throws -> D { try DistCommand.flags.checked(body) }

        let continuous: (any ContinuousDistribution)?
        let discrete: (any DiscreteDistribution)?
        let params: String
        switch c.name {
        case .normal:
            let m = try value(c.mean, "--mean", default: 0), s = try value(c.sd, "--sd", default: 1)
            continuous = try make([:]) { try Normal(mean: m, sd: s) }; discrete = nil
            params = "mean=\(NumberFormat.full(m)), sd=\(NumberFormat.full(s))"
        case .t:
            let d = try value(c.df, "--df")
            continuous = try make([:]) { try StudentT(df: d) }; discrete = nil
            params = "df=\(NumberFormat.full(d))"
        case .chisq:
            let d = try value(c.df, "--df")
            continuous = try make([:]) { try ChiSquared(df: d) }; discrete = nil
            params = "df=\(NumberFormat.full(d))"
        case .f:
            let d1 = try value(c.df1, "--df1"), d2 = try value(c.df2, "--df2")
            continuous = try make([:]) { try FDistribution(df1: d1, df2: d2) }; discrete = nil
            params = "df1=\(NumberFormat.full(d1)), df2=\(NumberFormat.full(d2))"
        case .beta:
            let a = try value(c.shape1, "--shape1"), b = try value(c.shape2, "--shape2")
            continuous = try make([:]) { try BetaDistribution(shape1: a, shape2: b) }; discrete = nil
            params = "shape1=\(NumberFormat.full(a)), shape2=\(NumberFormat.full(b))"
        case .gamma:
            let k = try value(c.shape, "--shape"), th = try value(c.scale, "--scale", default: 1)
            continuous = try make([:]) { try GammaDistribution(shape: k, scale: th) }; discrete = nil
            params = "shape=\(NumberFormat.full(k)), scale=\(NumberFormat.full(th))"
        case .noncentralT:
            let d = try value(c.df, "--df"), delta = try value(c.ncp, "--ncp")
            continuous = try make([:]) { try NoncentralT(df: d, ncp: delta) }; discrete = nil
            params = "df=\(NumberFormat.full(d)), ncp=\(NumberFormat.full(delta))"
        case .binomial:
            let size = try count(c.size, "--size"), prob = try value(c.prob, "--prob")
            discrete = try make([:]) { try Binomial(n: size, p: prob) }; continuous = nil
            params = "n=\(size), p=\(NumberFormat.full(prob))"
        case .poisson:
            let m = try value(c.mean, "--mean")
            discrete = try make([:]) { try Poisson(mean: m) }; continuous = nil
            params = "mean=\(NumberFormat.full(m))"
        case .hypergeometric:
            let s = try count(c.successes, "--successes"), f = try count(c.failures, "--failures")
            let k = try count(c.draws, "--draws")
            discrete = try make([:]) { try Hypergeometric(successes: s, failures: f, draws: k) }; continuous = nil
            params = "successes=\(s), failures=\(f), draws=\(k)"
        }

        let result: Double
        if let d = continuous {
            switch function {
            case "cdf": result = d.cdf(arg)
            case "sf": result = d.sf(arg)
            case "quantile": result = d.quantile(arg)
            case "isf": result = d.inverseSF(arg)
            case "pdf": result = d.pdf(arg)
            default: result = d.logPDF(arg)
            }
        } else if let d = discrete {
            func k() throws -> Int {
                guard arg == arg.rounded(), abs(arg) < 9e15 else { throw CLIFailure.usage(flag, "must be a whole number for \(c.name.rawValue), got \(text)") }
                return Int(arg)
            }
            switch function {
            case "cdf": result = d.cdf(try k())
            case "sf": result = d.sf(try k())
            case "quantile": result = Double(d.quantile(arg))
            case "isf": result = Double(d.inverseSF(arg))
            case "pdf": result = d.pmf(try k())
            default: result = d.logPMF(try k())
            }
        } else {
            fatalError("unreachable: every case sets one distribution")
        }
        // NaN for a number argument: the parameters and argument lie where the library refuses to guess.
        if result.isNaN {
            throw CLIFailure.usage(flag, "\(c.name.rawValue)(\(params)) cannot be evaluated at \(text) to double accuracy; "
                                   + "this lies outside the range the distribution is computed in")
        }
        row = DistributionValue(distribution: c.name.rawValue, parameters: params, function: function, argument: arg, value: result)
    }
}

extension OutputOptions {
    /// Prints distribution values: CSV/JSON with the result in `value` (17 significant digits).
    func emitValues(_ rows: [DistributionValue]) throws {
        switch format {
        case .text:
            for r in rows {
                try Output.print("\(r.distribution)(\(r.parameters)) \(r.function)(\(r.argument)) = \(r.value)")
            }
        case .csv, .json:
            let table = DataTable(columns: ["distribution", "parameters", "function", "argument", "value"], rows: rows.map {
                [.text($0.distribution), .text($0.parameters), .text($0.function), .number($0.argument), .number($0.value)]
            })
            try Output.print(format == .csv ? table.csv() : table.json(), terminator: "")
        }
    }
}

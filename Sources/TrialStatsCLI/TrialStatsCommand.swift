import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats`: the thin command-line face of the TrialStats library. Each subcommand parses
/// flags, calls the library and prints; no statistics are computed here.
public struct TrialStatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trialstats",
        abstract: "Re-derive what clinical studies report: CIs, differences, p-values, exact tests.",
        discussion: """
            Numbers are given as papers print them: Unicode minus (−1.4), a leading +, thousands separators in a \
            single number (1,725), a mean with its SD as "−0.7 ± 2.7" in --mean. Per-arm lists separate the arms with commas (--n 35,33); a list that could also be \
            one number with a thousands separator (35,330) is refused, so write 35330 for one number or "35, 330" \
            for two arms. Intervals are LO,HI, and arms' intervals are separated by ';' (--ci "-1.6,0.2;-2.3,-0.4"). \
            Confidence levels are written 0.95, 95 or 95%.

            Exit status: 0 done; 1 a result could not be produced (a model that cannot be fitted, a certification \
            target missed); 64 a usage error; 65 bad data in an input file; 66 an input file missing or unreadable; \
            74 output could not be written.
            """,
        version: "trialstats \(TrialStatsVersion.current)",
        subcommands: [
            DistCommand.self, MeansCommand.self, AuditCommand.self, ModelCommand.self, CertifyCommand.self,
            ReportCommand.self, CountsCommand.self, ProportionCommand.self,
        ]
    )

    public init() {}

    /// Runs the tool in process: `arguments` without the program name, output to `sink`, help wrapped at
    /// `columns` (nil: the terminal's width). Returns the exit status (see `ExitStatus`); every failure
    /// has written exactly one line `trialstats: …` to the sink's standard error.
    public static func run(_ arguments: [String], sink: any OutputSink, columns: Int? = nil) -> Int32 {
        Output.$sink.withValue(sink) {
            ArgumentDiagnostics.$current.withValue(ArgumentDiagnostics()) {
                execute(arguments, columns: columns).rawValue
            }
        }
    }

    static func execute(_ arguments: [String], columns: Int?) -> ExitStatus {
        if let problem = FlagScan.problem(in: arguments) {
            Output.diagnostic("trialstats: " + problem)
            return .usage
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return report(parseError: error, arguments: arguments, columns: columns)
        }
        do {
            try command.run()
            return .ok
        } catch let e as CLIFailure {
            if !e.message.isEmpty { Output.diagnostic("trialstats: " + e.message) }
            return e.status
        } catch let e as OutputWriteError {
            Output.diagnostic("trialstats: " + e.description)
            return .ioError
        } catch let e as InputError {
            let f = FlagMap([:]).failure(e)
            Output.diagnostic("trialstats: " + f.message)
            return f.status
        } catch {
            return report(parseError: error, arguments: arguments, columns: columns)
        }
    }

    /// Help and `--version` go to standard output with status 0; every other parse error is one line.
    static func report(parseError error: Error, arguments: [String], columns: Int?) -> ExitStatus {
        let code = exitCode(for: error)
        if code == .success {
            let text = fullMessage(for: error, columns: columns)
            do { try Output.print(text) } catch {
                Output.diagnostic("trialstats: \(error)")
                return .ioError
            }
            return .ok
        }
        let message = ParseMessage.oneLine(message(for: error), arguments: arguments)
        Output.diagnostic("trialstats: " + message)
        if code == .validationFailure { return .usage }
        return ExitStatus(rawValue: code.rawValue) ?? .failure
    }
}

/// Rewrites ArgumentParser's messages into the tool's form, `--flag: what is wrong, and what is accepted`.
enum ParseMessage {
    static func oneLine(_ message: String, arguments: [String]) -> String {
        // An argument with a line break in it is quoted by ArgumentParser as typed: show its breaks as \n
        // first, so that the message stays one line and its value can still be looked up.
        var message = message
        var typed: [String: String] = [:]
        for a in arguments where a.contains(where: \.isNewline) {
            let shown = a.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            message = message.replacingOccurrences(of: a, with: shown)
            typed[shown] = a
        }
        let lines = message.split(separator: "\n").map(String.init)
        var first = lines.first ?? message
        // ArgumentParser lists six or more accepted values as bullets on lines of their own: fold them in.
        let bullets = lines.dropFirst().filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        if !bullets.isEmpty, first.hasSuffix("one of the following:") {
            first = String(first.dropLast("the following:".count)) + bullets.joined(separator: ", ") + "."
        }
        first = first.replacingOccurrences(of: "Please provide one of ", with: "give one of ")
        let command = arguments.first { TrialStatsCommand.configuration.subcommands.map { $0._commandName }.contains($0) }
        let helpHint = "see trialstats \(command.map { $0 + " " } ?? "")--help"
        if let m = first.firstMatch(of: /^The value '(.*)' is invalid for '(-[^ ']*)[^']*'(?:[:.]\s*(.*))?$/) {
            let value = String(m.1), flag = String(m.2)
            if let reason = ArgumentDiagnostics.current.reason(for: typed[value] ?? value) { return "\(flag): \(reason)" }
            let rest = m.3.map { String($0) } ?? ""
            return "\(flag): \"\(value)\" is not accepted" + (rest.isEmpty ? "; \(helpHint)" : "; \(rest)")
        }
        if let m = first.firstMatch(of: /^The value '(.*)' is invalid for '<([^>]*)>'(?:[:.]\s*(.*))?$/) {
            let rest = m.3.map { String($0) } ?? ""
            return "<\(m.2)>: \"\(m.1)\" is not accepted" + (rest.isEmpty ? "; \(helpHint)" : "; \(rest)")
        }
        if let m = first.firstMatch(of: /^Missing expected argument '(-[^ ']*)[^']*'$/) {
            return "\(m.1): missing; this command needs it (\(helpHint))"
        }
        if let m = first.firstMatch(of: /^Missing expected argument '<([^>]*)>'$/) {
            return "<\(m.1)>: missing; \(helpHint)"
        }
        if let m = first.firstMatch(of: /^Missing value for '(-[^ ']*)[^']*'$/) {
            return "\(m.1): missing value; \(helpHint)"
        }
        if let m = first.firstMatch(of: /^Unknown options? '([^']*)'.*$/) {
            return "\(m.1): unknown option; \(helpHint)"
        }
        if let m = first.firstMatch(of: /^Unexpected arguments?:? '?([^']*)'?$/) {
            return "\(m.1): unexpected argument; \(helpHint)"
        }
        return first
    }
}

/// Checks the flags as typed before they are parsed, so that the message names the flag at fault: an option the
/// command does not have (ArgumentParser would first report a missing one), and an option given twice
/// (ArgumentParser would keep the last silently). The command's options are read from its help.
enum FlagScan {
    /// Options that may be given more than once.
    static let repeatable: Set<String> = ["--test"]

    static func problem(in arguments: [String]) -> String? {
        guard let name = arguments.first,
              let command = TrialStatsCommand.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
        let help = TrialStatsCommand.helpMessage(for: command, columns: 10_000)
        var known: Set<String> = ["--help", "--version"]
        for m in help.matches(of: /--[a-z][a-z0-9-]*/) { known.insert(String(m.0)) }
        var seen: Set<String> = []
        for token in arguments.dropFirst() {
            if token == "--" { break }
            guard token.hasPrefix("--"), let third = token.dropFirst(2).first, third.isLetter else { continue }
            let flag = String(token.prefix { $0 != "=" })
            guard known.contains(flag) else { return "\(flag): unknown option; see trialstats \(name) --help" }
            if seen.contains(flag), !repeatable.contains(flag), flag != "--help" {
                return "\(flag): given twice; give it once (per-arm values go in one comma-separated list)"
            }
            seen.insert(flag)
        }
        return nil
    }
}

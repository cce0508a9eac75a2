import Foundation
import Testing
import TSCore
@testable import TSStudies

/// Reads one malformed fixture with the reader for its kind (the name's prefix before "--") and returns the error.
/// Locations name the file as "malformed/<name>" so that the expected messages do not depend on where the
/// package is checked out.
func malformedError(_ name: String) -> InputError? {
    let url = packageRoot().appendingPathComponent("Tests/Fixtures/malformed").appendingPathComponent(name)
    let shown = "malformed/\(name)"
    do throws(InputError) {
        let kind = name.components(separatedBy: "--")[0]
        if kind == "folder" {
            _ = try StudyDataset.read(folder: url, displayPath: shown)
            return nil
        }
        let text = try StudyDataset.readText(url, shown: shown)
        switch kind {
        case "arms": _ = try ArmSummaryRow.read(text: text, name: shown)
        case "counts": _ = try CategoryCountRow.read(text: text, name: shown)
        case "comparisons": _ = try PrintedComparisonRow.read(text: text, name: shown)
        case "study": _ = try StudyMetadata.read(text: text, name: shown)
        case "regimens": _ = try RegimenRow.read(text: text, name: shown)
        case "reference": _ = try ReferenceIntake.read(text: text, name: shown)
        default: return InputError(.path(shown), "unknown fixture kind \(kind)")
        }
        return nil
    } catch {
        return error
    }
}

/// Each malformed file with the exact message it must produce ("malformed/" is prefixed to each location).
/// The corpus lives in Tests/Fixtures/malformed/: `<kind>--NN-what.csv` single files and `folder--NN-what/`
/// study folders (for checks across files).
let malformedExpectations: [(file: String, message: String)] = [
        ("arms--01-empty-file.csv", "arms--01-empty-file.csv:1:1: the file is empty; expected a header row: outcome,timepoint,arm,n,measure,mean,sd,se,ci_lower,ci_upper,ci_level,p,unit,source,status,reason"),
        ("arms--02-unknown-column.csv", "arms--02-unknown-column.csv:1:41: unknown column \"median\"; the columns are: outcome, timepoint, arm, n, measure, mean, sd, se, ci_lower, ci_upper, ci_level, p, unit, source, status, reason"),
        ("arms--03-duplicate-column.csv", "arms--03-duplicate-column.csv:1:41: column \"sd\" appears twice (first as column 7)"),
        ("arms--04-missing-column.csv", "arms--04-missing-column.csv:1:1: missing column \"p\""),
        ("arms--05-unnamed-column.csv", "arms--05-unnamed-column.csv:1:99: column 17 of the header has no name"),
        ("arms--06-too-few-fields.csv", "arms--06-too-few-fields.csv:3:29: row has 4 fields; the header has 16"),
        ("arms--07-too-many-fields.csv", "arms--07-too-many-fields.csv:2:94: row has 17 fields; the header has 16"),
        ("arms--08-unclosed-quote.csv", "arms--08-unclosed-quote.csv:3:78: quoted field is never closed"),
        ("arms--09-text-after-quote.csv", "arms--09-text-after-quote.csv:2:10: unexpected text after a closing quote"),
        ("arms--10-quote-in-unquoted.csv", "arms--10-quote-in-unquoted.csv:2:5: quote inside an unquoted field"),
        ("arms--11-outcome-empty.csv", "arms--11-outcome-empty.csv:2:1: outcome is empty: name the outcome (e.g. \"total hip BMD\")"),
        ("arms--12-arm-empty.csv", "arms--12-arm-empty.csv:2:18: arm is empty: name the arm as declared in study.csv"),
        ("arms--13-unknown-measure.csv", "arms--13-unknown-measure.csv:2:32: measure \"average\" is not one of: mean, change, percent-change, loss, percent-loss"),
        ("arms--14-mean-empty.csv", "arms--14-mean-empty.csv:2:47: mean is empty: each row is one arm's printed summary of the outcome"),
        ("arms--15-mean-not-a-number.csv", "arms--15-mean-not-a-number.csv:2:47: expected a number, found \"abc\""),
        ("arms--16-mean-is-a-bound.csv", "arms--16-mean-is-a-bound.csv:2:47: mean \"<0.5\" is a bound; only p may be printed as one"),
        ("arms--17-n-fraction.csv", "arms--17-n-fraction.csv:2:29: n \"33.5\" is not a whole non-negative count"),
        ("arms--18-n-negative.csv", "arms--18-n-negative.csv:2:29: n \"−3\" is not a whole non-negative count"),
        ("arms--19-n-zero.csv", "arms--19-n-zero.csv:2:29: n \"0\" must be at least 1"),
        ("arms--20-n-percent.csv", "arms--20-n-percent.csv:2:29: n \"33%\" is not a whole non-negative count"),
        ("arms--21-sd-negative.csv", "arms--21-sd-negative.csv:2:52: sd \"−2.7\" is negative"),
        ("arms--22-se-negative.csv", "arms--22-se-negative.csv:2:56: se \"-0.5\" is negative"),
        ("arms--23-sd-twice.csv", "arms--23-sd-twice.csv:2:58: sd is given twice: in mean \"−0.7 ± 2.7\" and in sd"),
        ("arms--24-mean-sd-bad-sd.csv", "arms--24-mean-sd-bad-sd.csv:2:47: expected a number, found \"x\""),
        ("arms--25-mean-sd-negative-sd.csv", "arms--25-mean-sd-negative-sd.csv:2:47: SD in \"−0.7 ± −2.7\" is negative"),
        ("arms--26-ci-upper-only.csv", "arms--26-ci-upper-only.csv:2:57: ci_lower is empty but ci_upper is given"),
        ("arms--27-ci-lower-only.csv", "arms--27-ci-lower-only.csv:2:62: ci_upper is empty but ci_lower \"−1.6\" is a single bound"),
        ("arms--28-ci-reversed.csv", "arms--28-ci-reversed.csv:2:61: ci_upper \"−1.6\" is below ci_lower \"0.2\""),
        ("arms--29-ci-one-cell-reversed.csv", "arms--29-ci-one-cell-reversed.csv:2:57: interval \"0.2 to −1.6\" has its lower bound above its upper bound"),
        ("arms--30-ci-one-cell-unsplittable.csv", "arms--30-ci-one-cell-unsplittable.csv:2:57: cannot split \"−1.6 to 0.2 to 0.4\" into two bounds; write it as \"lower to upper\""),
        ("arms--31-ci-level-missing.csv", "arms--31-ci-level-missing.csv:2:66: ci_level is empty: give the printed level (e.g. 95%) or mark it inferred"),
        ("arms--32-ci-level-without-ci.csv", "arms--32-ci-level-without-ci.csv:2:59: ci_level is given but there is no interval"),
        ("arms--33-ci-level-150.csv", "arms--33-ci-level-150.csv:2:66: ci_level \"150%\" is not a level between 0 and 100%"),
        ("arms--34-p-above-one.csv", "arms--34-p-above-one.csv:2:70: p \"1.2\" is not a probability between 0 and 1"),
        ("arms--35-p-not-a-number.csv", "arms--35-p-not-a-number.csv:2:70: expected a number, found \"p = n.s.\""),
        ("arms--36-p-percent.csv", "arms--36-p-percent.csv:2:70: p \"5%\" is not a probability between 0 and 1"),
        ("arms--37-duplicate-row.csv", "arms--37-duplicate-row.csv:4:1: duplicate row for outcome \"hip BMD\", timepoint \"96 weeks\", arm \"Vitamin D3\" (first at line 2)"),
        ("arms--38-source-empty.csv", "arms--38-source-empty.csv:2:78: source is empty: say where the row's values are printed (e.g. \"abstract\", \"Table 2\")"),
        ("arms--39-unknown-status.csv", "arms--39-unknown-status.csv:2:87: unknown status \"guessed\"; use printed, from-elsewhere or inferred, optionally followed by \": column, column\""),
        ("arms--40-status-unknown-column.csv", "arms--40-status-unknown-column.csv:2:87: status names \"age\", which is not a value column here (n, mean, sd, se, ci_lower, ci_upper, ci_level, p, unit)"),
        ("arms--41-status-needs-reason.csv", "arms--41-status-needs-reason.csv:2:105: reason is empty: status \"from-elsewhere: n\" needs one (which report, or how the value was inferred)"),
        ("arms--42-status-list-item-without-columns.csv", "arms--42-status-list-item-without-columns.csv:2:87: status \"from-elsewhere\" names no columns; in a list every item needs \"kind: column\""),
        ("arms--43-status-column-twice.csv", "arms--43-status-column-twice.csv:2:87: status names \"n\" twice"),
        ("arms--44-bom-crlf-bad-sd.csv", "arms--44-bom-crlf-bad-sd.csv:3:52: expected a number, found \"two\""),
        ("arms--45-mean-with-words.csv", "arms--45-mean-with-words.csv:2:47: expected a number, found \"1.4 percent\""),
        ("arms--46-bad-grouping.csv", "arms--46-bad-grouping.csv:2:29: expected a number, found \"1,72\""),
        ("comparisons--52-same-arm.csv", "comparisons--52-same-arm.csv:2:26: arm_b is the same arm as arm_a"),
        ("comparisons--53-p-only-with-estimate.csv", "comparisons--53-p-only-with-estimate.csv:2:44: measure is p-only but an estimate or interval is given"),
        ("comparisons--54-p-only-without-p.csv", "comparisons--54-p-only-without-p.csv:2:48: p is empty: a p-only comparison needs its p"),
        ("comparisons--55-negative-odds-ratio.csv", "comparisons--55-negative-odds-ratio.csv:2:47: odds-ratio must be positive, found \"−1.01\""),
        ("comparisons--56-estimate-missing.csv", "comparisons--56-estimate-missing.csv:2:48: estimate is empty: give the printed estimate, or use measure p-only"),
        ("comparisons--57-unknown-measure.csv", "comparisons--57-unknown-measure.csv:2:37: measure \"mean difference\" is not one of: difference, ratio, odds-ratio, risk-ratio, risk-difference, hazard-ratio, p-only"),
        ("counts--47-count-above-total.csv", "counts--47-count-above-total.csv:2:47: count 110 is larger than total 105"),
        ("counts--48-percent-above-100.csv", "counts--48-percent-above-100.csv:2:53: percent \"380%\" is not between 0 and 100"),
        ("counts--49-count-fraction.csv", "counts--49-count-fraction.csv:2:47: count \"4.5\" is not a whole non-negative count"),
        ("counts--50-category-empty.csv", "counts--50-category-empty.csv:2:34: category is empty: name the category as printed"),
        ("counts--51-duplicate-row.csv", "counts--51-duplicate-row.csv:3:1: duplicate row for outcome \"new fracture\", arm \"Alfacalcidol\", category \"new fracture\" (first at line 2)"),
        ("folder--79-undeclared-arm", "folder--79-undeclared-arm/arms.csv:3:18: arm \"Vitamin D\" is not declared in study.csv (arms: Placebo, Vitamin D3)"),
        ("folder--80-unknown-file", "folder--80-unknown-file/notes.csv:1:1: unknown file \"notes.csv\"; a study folder holds study.csv, arms.csv, counts.csv, comparisons.csv, regimens.csv"),
        ("folder--81-missing-study", "folder--81-missing-study/study.csv:1:1: study.csv is missing; every study folder needs one"),
        ("folder--82-undeclared-comparison-arm", "folder--82-undeclared-comparison-arm/comparisons.csv:2:29: arm_b \"placebo\" is not declared in study.csv (arms: Placebo, Vitamin D3)"),
        ("reference--75-unknown-kind.csv", "reference--75-unknown-kind.csv:2:11: kind \"ceiling\" is not one of: maintenance, target, upper-limit, repletion, recommended"),
        ("reference--76-unknown-agent.csv", "reference--76-unknown-agent.csv:2:1: agent \"iron\" is not vitamin D, calcium or vitamin K2 (MK-7)"),
        ("reference--77-no-frequency.csv", "reference--77-no-frequency.csv:2:23: intake \"4000 IU\" needs an amount and a frequency"),
        ("reference--78-quote-empty.csv", "reference--78-quote-empty.csv:2:53: quote is empty: copy the printed words the intake comes from"),
        ("regimens--67-unreadable-word.csv", "regimens--67-unreadable-word.csv:2:23: regimen \"20,000 IU weekly-ish\": cannot read \"weekly-ish\""),
        ("regimens--68-two-amounts.csv", "regimens--68-two-amounts.csv:2:23: regimen \"20,000 IU weekly and 500 mg calcium daily\": two amounts; give each agent or phase its own row"),
        ("regimens--69-no-amount.csv", "regimens--69-no-amount.csv:2:23: regimen \"once a week\" has no amount; only a placebo may have none"),
        ("regimens--70-frequency-twice.csv", "regimens--70-frequency-twice.csv:2:23: regimen \"20,000 IU daily once a week\": the frequency is given twice"),
        ("regimens--71-eight-days-a-week.csv", "regimens--71-eight-days-a-week.csv:2:32: regimen \"1,000 mg/day, 8 days/week\": days per week must lie between 1 and 7"),
        ("regimens--72-two-phases.csv", "regimens--72-two-phases.csv:2:23: regimen \"50,000 IU weekly for 8 weeks then 1000 IU daily\": \"then\" joins two regimens; give each phase or alternative its own row"),
        ("regimens--73-regimen-empty.csv", "regimens--73-regimen-empty.csv:2:23: regimen is empty: give the regimen as printed (e.g. \"20,000 IU once a week\")"),
        ("regimens--74-no-unit.csv", "regimens--74-no-unit.csv:2:23: regimen \"20,000 once a week\": expected a unit (IU, µg, mg, g), \"times\", \"doses\" or \"days/week\" after 20000"),
        ("study--58-unknown-key.csv", "study--58-unknown-key.csv:7:1: unknown key \"sponsor\"; the keys are: age, arm, author, citation, companion, completed, design, doi, duration, included, issue, journal, note, pages, pmid, population, randomised, registration, title, volume, year"),
        ("study--59-key-twice.csv", "study--59-key-twice.csv:7:1: key \"year\" appears twice (first at line 4)"),
        ("study--60-bad-year.csv", "study--60-bad-year.csv:4:6: year \"11\" is not a four-digit year"),
        ("study--61-bad-pmid.csv", "study--61-bad-pmid.csv:7:6: pmid \"PMID 21400196\" is not a PubMed identifier (digits only)"),
        ("study--62-bad-doi.csv", "study--62-bad-doi.csv:7:5: doi \"doi:10.3892/etm.2022.11214\" does not look like a DOI (10.xxxx/...)"),
        ("study--63-missing-design.csv", "study--63-missing-design.csv:1:1: key \"design\" is missing"),
        ("study--64-arm-twice.csv", "study--64-arm-twice.csv:7:5: arm \"Placebo\" is declared twice (first at line 6)"),
        ("study--65-randomised-in-words.csv", "study--65-randomised-in-words.csv:7:12: expected a number, found \"seventy-one\""),
        ("study--66-value-empty.csv", "study--66-value-empty.csv:7:9: value is empty: give the journal as printed"),
]

@Suite struct MalformedCorpus {
    @Test func everyFixtureHasAnExpectationAndTheCorpusHasAtLeast50() throws {
        let dir = packageRoot().appendingPathComponent("Tests/Fixtures/malformed").path
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == malformedExpectations.map(\.file).sorted())
        #expect(names.count >= 50)
    }

    @Test(arguments: malformedExpectations.map(\.file))
    func rejectedWithItsExactMessage(file: String) throws {
        let expected = try #require(malformedExpectations.first { $0.file == file }).message
        let error = try #require(malformedError(file), "\(file) was accepted")
        #expect(error.description == "malformed/" + expected)
    }
}

import Foundation
import Testing
import TSCore
@testable import TSStudies

/// Reads the committed Datasets/ folder and checks what the web pages and papers print.
@Suite struct ShippedDatasets {
    let collection: DatasetCollection
    init() throws {
        collection = try DatasetCollection.read(directory: packageRoot().appendingPathComponent("Datasets"), displayPath: "Datasets")
    }
    func study(_ id: String) throws -> StudyDataset { try #require(collection.studies.first { $0.id == id }) }

    @Test func allStudiesReadInNameOrder() {
        #expect(collection.studies.map(\.id) == ["burt2019", "chapuy1992", "denijs2006", "emaus2010", "iwamoto2000", "jiang2014", "jokar2016",
                                                "knapen2013", "leboff2020", "liang2022", "macdonald2013", "ooms1995", "reid2017",
                                                "steffensen2011", "suzuki2013", "ushiroyama2002"])
        #expect(collection.referenceIntakes.count == 9)
    }

    @Test func steffensen2011HipBMDAsPrinted() throws {
        let s = try study("steffensen2011")
        #expect(s.metadata.value("pmid") == "21400196" && s.metadata.arms == ["Vitamin D3", "Placebo"])
        let placebo = try #require(s.arms.first { $0.arm == "Placebo" && $0.outcome == "hip BMD" })
        #expect(placebo.mean.value == -1.4 && placebo.mean.text == "−1.4" && placebo.sd?.value == 2.7)
        #expect(placebo.ciLower?.value == -2.3 && placebo.ciUpper?.value == -0.4 && placebo.ciLevel == 0.95)
        #expect(placebo.p?.value == 0.006 && placebo.p?.decimals == 3 && placebo.n?.value == 33)
        #expect(placebo.provenance.status(of: "n") == .fromElsewhere && placebo.provenance.status(of: "mean") == .printed)
        let vitD = try #require(s.arms.first { $0.arm == "Vitamin D3" && $0.outcome == "hip BMD" })
        #expect(vitD.mean.value == -0.7 && vitD.ciLower?.value == -1.6 && vitD.ciUpper?.value == 0.2 && vitD.n?.value == 35)
        #expect(vitD.provenance.status(of: "ci_level") == .inferred)
        let d = try #require(s.comparisons.first)
        #expect(d.estimate?.value == 0.7 && d.ciLower?.value == -1.9 && d.ciUpper?.value == 0.7 && d.p?.text == "p = 0.332")
        let levels = s.arms.filter { $0.outcome == "serum 25(OH)D" }.map(\.mean.value)
        #expect(levels == [55, 123])
        #expect(s.regimens.count == 4 && s.regimens[0].agentKind == .vitaminD && s.regimens[2].agentKind == .placebo)
    }

    @Test func liang2022CountsAreLeftEmpty() throws {
        let s = try study("liang2022")
        #expect(s.counts.count == 6 && s.counts.allSatisfy { $0.count == nil })
        #expect(Set(s.counts.map(\.category)) == ["alleviation", "aggravation", "unchanged"])
        #expect(s.counts.filter { $0.arm == "Vitamin D alone" }.allSatisfy { $0.total?.value == 1725 })
        #expect(s.counts.filter { $0.arm == "Vitamin D with calcium" }.allSatisfy { $0.total?.value == 1240 })
        let p = try #require(s.comparisons.first?.p)
        #expect(p.bound == .lessThan && p.value == 0.0001 && s.comparisons.first?.measure == .pOnly)
        #expect(s.metadata.value("included") == "2,965" && s.metadata.value("doi") == "10.3892/etm.2022.11214")
        let calcium = try #require(s.regimens.first { $0.agentKind == .calcium })
        #expect(calcium.provenance.rowStatus == .inferred && calcium.regimen.daysPerWeek == DoseRange(5, 7))
    }

    @Test func macdonald2013MeanPlusMinusSDCells() throws {
        let s = try study("macdonald2013")
        let hip = s.arms.filter { $0.outcome == "hip BMD" }
        #expect(hip.map(\.mean.value) == [0.05, 0.57, 0.60] && hip.map { $0.sd!.value } == [1.46, 1.33, 1.67])
        #expect(hip.allSatisfy { $0.measure == .percentLoss && $0.n == nil })
        #expect(hip[2].mean.decimals == 2)   // "0.60", not "0.6"
        #expect(s.arms.filter { $0.outcome == "serum 25(OH)D" }.map(\.mean.value) == [-4.1, 31.6, 42.6])
    }

    @Test func jiang2014FractureCounts() throws {
        let s = try study("jiang2014")
        #expect(s.counts.map { $0.count!.value } == [2, 4] && s.counts.map { $0.total!.value } == [108, 105])
        #expect(s.counts.map { $0.percent!.value } == [1.9, 3.8])
        #expect(s.comparisons.first?.p?.bound == .greaterThan)
        #expect(s.regimens.allSatisfy { $0.agentKind != .vitaminD && $0.agentKind != .vitaminK2 })
    }

    @Test func referenceIntakesComeFromThePages() throws {
        let refs = collection.referenceIntakes
        let upper = try #require(refs.first { $0.agentKind == .vitaminD && $0.kind == .upperLimit })
        #expect(upper.intake.dailyEquivalent(in: .iu, agent: .vitaminD) == DoseRange(4000) && upper.source.hasPrefix("web page on osteoporosis treatment"))
        let mk7 = try #require(refs.first { $0.agentKind == .vitaminK2 })
        #expect(mk7.intake.dailyEquivalent(in: .microgram, agent: .vitaminK2) == DoseRange(180))
        #expect(refs.filter { $0.agentKind == .calcium && $0.kind == .upperLimit }.map { $0.intake.amount! } == [DoseRange(2000, 2500), DoseRange(2000)])
    }

    @Test func liangRegimenAgainstReferences() throws {
        let vitD = try #require(try study("liang2022").regimens.first { $0.agentKind == .vitaminD })
        let rows = IntakeComparison.compare(vitD.regimen, agent: .vitaminD, with: collection.referenceIntakes)
        #expect(rows.map(\.reference.kind) == [.maintenance, .upperLimit, .repletion, .maintenance])
        let upper = rows[1]
        #expect(upper.position == .above)
        // 30,000 / 4,000 = 7.5 and 42,857 / 4,000 = 10.71: 7.5–10.7 times the upper limit (1e-12: rounding only).
        #expect(abs(upper.ratio.low - 7.5) < 1e-12 && abs(upper.ratio.high - 300_000.0 / 7 / 4000) < 1e-12)
        // Cumulative 1.2–1.8 million IU against the 400,000 IU repletion course: 3–4.5 times.
        #expect(rows[2].cumulativeRatio == DoseRange(3, 4.5))
    }

    @Test func steffensenRegimenAgainstReferences() throws {
        let s = try study("steffensen2011")
        let rows = IntakeComparison.compare(s.regimens[0].regimen, agent: .vitaminD, with: collection.referenceIntakes)
        // 2,857 IU/day: above 800–2,000 and 800–1,000 maintenance, below the 4,000 upper limit.
        #expect(rows.map(\.position) == [.above, .below, .below, .above])
        let calcium = IntakeComparison.compare(s.regimens[1].regimen, agent: .calcium, with: collection.referenceIntakes)
        #expect(calcium.map(\.position) == [.below, .below, .below, .below])
    }
}

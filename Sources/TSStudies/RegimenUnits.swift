import Foundation
import TSCore

/// A closed range of plausible values, as printed ("7-10 days") or derived from such ranges.
/// A single printed number is a range with low == high.
public struct DoseRange: Sendable, Equatable, CustomStringConvertible {
    public var low: Double
    public var high: Double
    public init(_ low: Double, _ high: Double) { self.low = low; self.high = high }
    public init(_ value: Double) { self.init(value, value) }
    public var isPoint: Bool { low == high }
    public var description: String { isPoint ? NumberFormat.full(low) : "\(NumberFormat.full(low))–\(NumberFormat.full(high))" }

    /// Each end multiplied by a positive factor.
    public func scaled(_ k: Double) -> DoseRange { DoseRange(low * k, high * k) }
}

/// Units of a dose amount.
public enum DoseUnit: String, Sendable, Equatable, CaseIterable {
    case iu = "IU"
    case microgram = "µg"
    case milligram = "mg"
    case gram = "g"

    /// Grams per unit for mass units; nil for IU.
    var grams: Double? {
        switch self {
        case .iu: return nil
        case .microgram: return 1e-6
        case .milligram: return 1e-3
        case .gram: return 1
        }
    }
}

/// The kind of agent a regimen gives, which decides which unit conversions apply and which reference
/// intakes a regimen is set against.
public enum AgentKind: String, Sendable, Equatable, CaseIterable {
    case vitaminD = "vitamin D"
    case calcium
    case vitaminK2 = "vitamin K2 (MK-7)"
    case placebo
    case other

    /// Classifies an agent as printed: "vitamin D3", "cholecalciferol", "calcium carbonate", "MK-7", "placebo".
    /// The names and their order are in `AgentCatalogue` (Agents.swift).
    public static func classify(_ agent: String) -> AgentKind { AgentCatalogue.classify(agent) }
}

/// Unit conversions used with regimens and vitamin D status; the factors and their sources are in
/// `AgentCatalogue` (Agents.swift).
public enum DoseConversion {
    /// Vitamin D (D2 or D3): 1 µg = 40 IU.
    public static var vitaminDIUPerMicrogram: Double { AgentCatalogue.vitaminD.iuPerMicrogram!.value }
    /// Serum 25(OH)D: 1 ng/mL = 2.496 nmol/L (molar mass of 25(OH)D3, 400.64 g/mol).
    public static var nmolPerLPerNgPerML: Double { AgentCatalogue.vitaminD.statusMarker!.molarPerMass.value }

    /// Factor to multiply an amount in `from` to express it in `to`, for the given agent; nil when the
    /// units cannot be converted (IU to mass for an agent without an IU factor in the catalogue).
    public static func factor(from: DoseUnit, to: DoseUnit, agent: AgentKind) -> Double? {
        if from == to { return 1 }
        if let gf = from.grams, let gt = to.grams { return gf / gt }
        guard let iuPerMicrogram = AgentCatalogue.agent(agent)?.iuPerMicrogram?.value else { return nil }
        if from == .iu, let gt = to.grams { return 1e-6 / iuPerMicrogram / gt }   // IU → µg → unit
        if to == .iu, let gf = from.grams { return gf / 1e-6 * iuPerMicrogram }
        return nil
    }

    /// 25(OH)D in nmol/L from ng/mL.
    public static func nmolPerL(fromNgPerML x: Double) -> Double { x * nmolPerLPerNgPerML }
    /// 25(OH)D in ng/mL from nmol/L.
    public static func ngPerML(fromNmolPerL x: Double) -> Double { x / nmolPerLPerNgPerML }
}

/// Calendar lengths used to turn weeks, months and years into days.
enum DayCounts {
    static let week = 7.0
    static let year = 365.25
    static let month = 365.25 / 12   // 30.4375 days
}

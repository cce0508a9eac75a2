// TrialStatsKit, the umbrella library of TrialStats: one import for everything the CLI and users need.
// The only module that re-exports others; every other module imports what it uses.
@_exported import TSCore
@_exported import TSDistributions
@_exported import TSLinearAlgebra
@_exported import TSEffects
@_exported import TSTables
@_exported import TSModels
@_exported import TSCertification
@_exported import TSAudit
@_exported import TSStudies
@_exported import TSReports

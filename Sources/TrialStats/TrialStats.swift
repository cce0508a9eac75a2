// The TrialStats library: one import for everything the CLI and users need.
@_exported import TSCore
@_exported import TSDistributions
@_exported import TSLinearAlgebra
@_exported import TSEffects
@_exported import TSTables
@_exported import TSModels
@_exported import TSAudit
@_exported import TSStudies
@_exported import TSReports

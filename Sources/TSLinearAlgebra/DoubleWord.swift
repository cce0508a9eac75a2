// The double-word type (`hi + lo`, about 106 bits) lives in TSCore, shared with TSDistributions. TSCore is
// re-exported so that `import TSLinearAlgebra` keeps providing `DoubleWord` with its operators to the
// solvers' callers (a scoped `import struct` would hide the operators from operator lookup).
@_exported import TSCore

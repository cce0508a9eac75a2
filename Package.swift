// swift-tools-version:6.1
// TrialStats: re-derive what clinical studies report, from the numbers they print.
// Layering (data flows one way, left to right):
//   TSCore → TSDistributions → TSEffects / TSTables / TSModels (on TSLinearAlgebra) → TSAudit
//     → TSStudies (dataset I/O, regimens) / TSReports → TrialStats (umbrella) → TrialStatsCLI (commands)
//     → trialstats (executable)
import PackageDescription

let package = Package(
    name: "TrialStats",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TrialStats", targets: ["TrialStats"]),
        .executable(name: "trialstats", targets: ["trialstats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            providers: [.apt(["liblapack-dev", "libblas-dev"])]
        ),
        .target(name: "TSCore", exclude: ["README.md"]),
        // Atomic exchange of two paths (renameat2 RENAME_EXCHANGE / renamex_np RENAME_SWAP), so `report`
        // replaces its output folder whole.
        .target(name: "CFolderSwap", path: "Sources/CFolderSwap"),
        .target(
            name: "TSDistributions",
            dependencies: ["TSCore", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        .target(name: "TSLinearAlgebra", dependencies: ["TSCore", "CLAPACK"], exclude: ["README.md"]),
        .target(
            name: "TSEffects",
            dependencies: ["TSCore", "TSDistributions", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        .target(
            name: "TSTables",
            dependencies: ["TSCore", "TSDistributions", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"]
        ),
        .target(
            name: "TSModels",
            dependencies: ["TSCore", "TSDistributions", "TSLinearAlgebra"],
            exclude: ["README.md"]
        ),
        .target(
            name: "TSAudit",
            dependencies: ["TSCore", "TSDistributions", "TSEffects", "TSTables"],
            exclude: ["README.md"]
        ),
        .target(name: "TSStudies", dependencies: ["TSCore"], exclude: ["README.md"]),
        .target(
            name: "TSReports",
            dependencies: ["TSCore", "TSEffects", "TSTables", "TSAudit", "TSStudies", "CFolderSwap"],
            exclude: ["README.md"]
        ),
        .target(
            name: "TrialStats",
            dependencies: [
                "TSCore", "TSDistributions", "TSLinearAlgebra", "TSEffects", "TSTables",
                "TSModels", "TSAudit", "TSStudies", "TSReports",
            ]
        ),
        .target(
            name: "TrialStatsCLI",
            dependencies: ["TrialStats", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "trialstats", dependencies: ["TrialStatsCLI"]),
        .testTarget(name: "TSCoreTests", dependencies: ["TSCore"]),
        .testTarget(name: "TSDistributionsTests", dependencies: ["TSDistributions"]),
        .testTarget(name: "TSLinearAlgebraTests", dependencies: ["TSLinearAlgebra"]),
        .testTarget(name: "TSEffectsTests", dependencies: ["TSEffects"]),
        .testTarget(name: "TSTablesTests", dependencies: ["TSTables"]),
        .testTarget(name: "TSModelsTests", dependencies: ["TSModels"]),
        .testTarget(name: "TSAuditTests", dependencies: ["TSAudit"]),
        .testTarget(name: "TSStudiesTests", dependencies: ["TSStudies"]),
        .testTarget(name: "TSReportsTests", dependencies: ["TSReports"]),
        .testTarget(name: "CLITests", dependencies: ["TrialStatsCLI", "trialstats", "TSCore"], exclude: ["Snapshots"]),
    ]
)

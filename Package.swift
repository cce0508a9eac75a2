// swift-tools-version:6.1
// TrialStats: re-derive what clinical studies report, from the numbers they print.
// Layering (data flows one way, left to right):
//   TSCore → TSDistributions → TSEffects / TSTables / TSModels (on TSLinearAlgebra) → TSAudit
//     → TSStudies (dataset I/O, regimens) / TSReports → TrialStatsKit (umbrella) → TrialStatsCLI (commands)
//     → trialstats (executable)
//   TSCertification (NIST StRD, on TSModels): its data are generated at build time from Tests/Fixtures/nist/*.csv
//     by the NISTEmbedPlugin build-tool plugin, which runs the TSNISTEmbed executable.
//   TSTestSupport (Tests/TSTestSupport): fixture loading and tolerance helpers shared by the test targets.
import PackageDescription

let package = Package(
    name: "TrialStats",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TrialStatsKit", targets: ["TrialStatsKit"]),
        .executable(name: "trialstats", targets: ["trialstats"]),
        // The commands as a library, so a command can be run in process (the fuzz package in Fuzz/ uses it).
        .library(name: "TrialStatsCLI", targets: ["TrialStatsCLI"]),
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
        .executableTarget(name: "TSNISTEmbed"),
        .plugin(name: "NISTEmbedPlugin", capability: .buildTool(), dependencies: ["TSNISTEmbed"]),
        .target(
            name: "TSCertification",
            dependencies: ["TSCore", "TSLinearAlgebra", "TSModels"],
            exclude: ["README.md"],
            plugins: ["NISTEmbedPlugin"]
        ),
        .target(name: "TSStudies", dependencies: ["TSCore"], exclude: ["README.md"]),
        .target(
            name: "TSReports",
            dependencies: ["TSCore", "TSEffects", "TSTables", "TSAudit", "TSStudies", "CFolderSwap"],
            exclude: ["README.md"]
        ),
        .target(
            name: "TrialStatsKit",
            dependencies: [
                "TSCore", "TSDistributions", "TSLinearAlgebra", "TSEffects", "TSTables",
                "TSModels", "TSCertification", "TSAudit", "TSStudies", "TSReports",
            ]
        ),
        .target(
            name: "TrialStatsCLI",
            dependencies: ["TrialStatsKit", "TSCertification", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "trialstats", dependencies: ["TrialStatsCLI"]),
        .target(name: "TSTestSupport", dependencies: ["TSCore"], path: "Tests/TSTestSupport", exclude: ["README.md"]),
        .testTarget(name: "TSCoreTests", dependencies: ["TSCore", "TSTestSupport"]),
        .testTarget(name: "TSDistributionsTests", dependencies: ["TSDistributions", "TSTestSupport"]),
        .testTarget(name: "TSLinearAlgebraTests", dependencies: ["TSLinearAlgebra", "TSTestSupport"]),
        .testTarget(name: "TSEffectsTests", dependencies: ["TSEffects", "TSTestSupport"]),
        .testTarget(name: "TSTablesTests", dependencies: ["TSTables", "TSTestSupport"]),
        .testTarget(name: "TSModelsTests", dependencies: ["TSModels", "TSTestSupport"]),
        .testTarget(name: "TSCertificationTests", dependencies: ["TSCertification", "TSTestSupport"]),
        .testTarget(name: "TSAuditTests", dependencies: ["TSAudit", "TSTestSupport"]),
        .testTarget(name: "TSStudiesTests", dependencies: ["TSStudies", "TSTestSupport"]),
        .testTarget(name: "TSReportsTests", dependencies: ["TSReports", "TSTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TrialStatsCLI", "trialstats", "TSCore", "TSTestSupport"], exclude: ["Snapshots"]),
    ]
)

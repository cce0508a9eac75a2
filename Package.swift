// swift-tools-version:6.1
// TrialStats: re-derive what clinical studies report, from the numbers they print.
// Layering (data flows one way, left to right):
//   TSCore → TSDistributions → TSEffects / TSTables / TSLinearAlgebra → TrialStats (umbrella) → trialstats (CLI)
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
        .target(name: "TSCore"),
        .target(
            name: "TSDistributions",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(name: "TSLinearAlgebra", dependencies: ["CLAPACK"]),
        .target(
            name: "TSEffects",
            dependencies: ["TSCore", "TSDistributions", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "TSTables",
            dependencies: ["TSCore", "TSDistributions", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "TrialStats",
            dependencies: ["TSCore", "TSDistributions", "TSLinearAlgebra", "TSEffects", "TSTables"]
        ),
        .executableTarget(
            name: "trialstats",
            dependencies: ["TrialStats", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "TSCoreTests", dependencies: ["TSCore"]),
        .testTarget(name: "TSDistributionsTests", dependencies: ["TSDistributions"]),
        .testTarget(name: "TSLinearAlgebraTests", dependencies: ["TSLinearAlgebra"]),
        .testTarget(name: "TSEffectsTests", dependencies: ["TSEffects"]),
        .testTarget(name: "TSTablesTests", dependencies: ["TSTables"]),
        .testTarget(name: "CLITests", dependencies: ["trialstats"]),
    ]
)

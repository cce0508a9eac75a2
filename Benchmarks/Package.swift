// swift-tools-version:6.1
// TrialStats benchmarks: a separate package so that `swift test` in the root never builds or runs them.
// Build and run everything with `Benchmarks/run` (release mode); see Benchmarks/README.md.
import PackageDescription

let package = Package(
    name: "TrialStatsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "TrialStats", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "tsbench",
            dependencies: [.product(name: "TrialStatsKit", package: "TrialStats")]
        ),
    ]
)

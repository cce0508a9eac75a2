// swift-tools-version:6.1
// libFuzzer target that runs TrialStats commands in process (TrialStatsCommand.run). Not part of the main
// package or of `swift test`; built by Fuzz/cli.sh.
//
// The packages are built with --sanitize=address and -sanitize-coverage (edge, trace-cmp), not with
// --sanitize=fuzzer: that would put libFuzzer's main into every executable, the main package's build-time
// tool included. The target links compiler-rt's libFuzzer without its main and starts the driver itself.
import PackageDescription

let libFuzzer = "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a"

let package = Package(
    name: "TrialStatsFuzz",
    dependencies: [.package(name: "TrialStats", path: "..")],
    targets: [
        .target(name: "CFuzzDriver", path: "CFuzzDriver"),
        .executableTarget(
            name: "fuzz-cli",
            dependencies: ["CFuzzDriver", .product(name: "TrialStatsCLI", package: "TrialStats")],
            path: "CLI",
            linkerSettings: [.unsafeFlags(["-Xlinker", libFuzzer, "-lstdc++"])]
        ),
    ]
)

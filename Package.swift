// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "cloudact",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cloudact", targets: ["cloudact"]),
        .library(name: "PipelineDSL", targets: ["PipelineDSL"]),
        .library(name: "Compiler", targets: ["Compiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // libyaml from the system (apt libyaml-dev); only PipelineDSL/YAML/YAMLComposer.swift imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // SQLite from the system (apt libsqlite3-dev); only Runtime/LocalEngine imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "PipelineDSL", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(name: "Compiler", dependencies: ["PipelineDSL"], swiftSettings: swiftSettings),
        .target(name: "Runtime", dependencies: ["Compiler", "PipelineDSL", "CSQLite"], swiftSettings: swiftSettings),
        .target(name: "Server", dependencies: ["Compiler", "PipelineDSL", "Runtime"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "cloudact",
            dependencies: [
                "Compiler", "PipelineDSL", "Runtime", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Generates synthetic projects for the release-build benchmarks (see Docs/BENCHMARKS.md).
        .executableTarget(name: "cloudact-bench", dependencies: [], swiftSettings: swiftSettings),
        // Marker-based diagnostic assertions shared by the test targets.
        .target(name: "TestSupport", dependencies: ["PipelineDSL"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "PipelineDSLTests",
            dependencies: ["PipelineDSL", "Compiler", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CompilerTests",
            dependencies: ["Compiler", "PipelineDSL", "TestSupport"],
            exclude: ["Corpus"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoldenTests",
            dependencies: ["Compiler", "PipelineDSL", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Compiler", "PipelineDSL", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ServerTests", dependencies: ["Server", "PipelineDSL"], swiftSettings: swiftSettings),
        .testTarget(name: "DifferentialTests", dependencies: ["Runtime", "Compiler", "PipelineDSL", "TestSupport"], swiftSettings: swiftSettings),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ChineseSearch",
    // Linux (Glibc or Musl) and Apple platforms: every system call goes through Sources/ChineseSearch/Support/System.swift.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "ChineseSearch", targets: ["ChineseSearch"]),
        .executable(name: "search", targets: ["search"]),
        .executable(name: "search-bench", targets: ["SearchBench"]),
    ],
    targets: [
        .target(name: "ChineseSearch", path: "Sources/ChineseSearch"),
        .executableTarget(name: "search", dependencies: ["ChineseSearch"], path: "Sources/search"),
        .executableTarget(name: "SearchBench", dependencies: ["ChineseSearch"], path: "Benchmarks/SearchBench"),
        .testTarget(name: "ChineseSearchTests", dependencies: ["ChineseSearch"], path: "Tests/ChineseSearchTests"),
        .testTarget(name: "SearchCLITests", dependencies: ["ChineseSearch", "search"], path: "Tests/SearchCLITests"),
    ]
)

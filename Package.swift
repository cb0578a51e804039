// swift-tools-version: 6.0
import PackageDescription

/// Swift 6 language mode (tools 6.0) plus the upcoming features the style guide asks for.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// The DocC plugin only when documentation is built (`ONEWINDOW_DOCS=1 swift package
/// generate-documentation --target OneWindowKit`), so ordinary builds and CI stay lean.
let documentationDependencies: [Package.Dependency] =
  Context.environment["ONEWINDOW_DOCS"] == "1"
  ? [.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")] : []

let package = Package(
  name: "OneWindow",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "OneWindowKit", targets: ["OneWindowKit"]),
    .executable(name: "onewindow", targets: ["OneWindowCLI"]),
    .executable(name: "onewindow-bench", targets: ["OneWindowBench"]),
    .executable(name: "onewindow-fuzz", targets: ["OneWindowFuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
  ] + documentationDependencies,
  targets: [
    // libxml2 from the system (Debian: libxml2-dev). Only a module map and a shim header.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // zlib from the system (Debian: zlib1g-dev), to inflate zip entries under our own caps.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // The only module that imports libxml2.
    .target(
      name: "OneWindowXML",
      dependencies: ["CLibXML2"],
      swiftSettings: swiftSettings
    ),
    // Findings, ids, outcomes and domain values; no dependencies.
    .target(
      name: "OneWindowCore",
      swiftSettings: swiftSettings
    ),
    // Numbered business rules: pure functions of a typed packet and a context.
    .target(
      name: "OneWindowRules",
      dependencies: ["OneWindowCore"],
      swiftSettings: swiftSettings
    ),
    // The registry in SQLite through GRDB or in PostgreSQL through postgres-nio; the only module
    // that imports either.
    .target(
      name: "OneWindowStore",
      dependencies: [
        "OneWindowCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // Zip packets read in memory under caps, inflated with the system's zlib; the only zlib importer.
    .target(
      name: "OneWindowZip",
      dependencies: ["OneWindowCore", "OneWindowRules", "CZlib"],
      swiftSettings: swiftSettings
    ),
    // The one road from bytes to findings: intake, parse and XSD (through OneWindowXML), mapping
    // to the typed packet, the rules, the report value; schema, policy and calendar loading.
    .target(
      name: "OneWindowValidation",
      dependencies: [
        "OneWindowXML",
        "OneWindowZip",
        "OneWindowCore",
        "OneWindowRules",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings
    ),
    // The registry workflows (pre-filing, tenancy, bundle, issuance, audit); the only user of the store.
    .target(
      name: "OneWindowRegistry",
      dependencies: ["OneWindowValidation", "OneWindowStore", "OneWindowCore", "OneWindowRules"],
      swiftSettings: swiftSettings
    ),
    // Replay scenarios through a fresh registry each.
    .target(
      name: "OneWindowReplay",
      dependencies: ["OneWindowRegistry", "OneWindowValidation", "OneWindowXML", "OneWindowCore", "OneWindowRules"],
      swiftSettings: swiftSettings
    ),
    // Renderers: text, JSON, HTML, XML reports, receipts, the rule catalogue, replay results.
    .target(
      name: "OneWindowReports",
      dependencies: [
        "OneWindowValidation", "OneWindowRegistry", "OneWindowReplay", "OneWindowXML", "OneWindowCore",
        "OneWindowRules",
      ],
      swiftSettings: swiftSettings
    ),
    // The embeddable facade: re-exports the library's modules.
    .target(
      name: "OneWindowKit",
      dependencies: [
        "OneWindowCore",
        "OneWindowRules",
        "OneWindowValidation",
        "OneWindowRegistry",
        "OneWindowReplay",
        "OneWindowReports",
      ],
      swiftSettings: swiftSettings
    ),
    // `onewindow serve`: the HTTP service over the library (Hummingbird), its accounts (bcrypt),
    // metrics (Prometheus) and lifecycle. Routes are hand-written and held to `openapi.yaml` by a
    // test (see README, "The HTTP service").
    .target(
      name: "OneWindowServer",
      dependencies: [
        "OneWindowKit",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "MultipartKit", package: "multipart-kit"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      swiftSettings: swiftSettings
    ),
    // The thin `onewindow` command.
    .executableTarget(
      name: "OneWindowCLI",
      dependencies: [
        "OneWindowKit",
        "OneWindowServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // The registry benchmarks of `Benchmarks/run.sh` (`onewindow-bench`). GRDB only to build the
    // large store in bulk and to time bare SQLite inserts; postgres-nio for the same on
    // PostgreSQL (bulk loads, bare inserts, query plans); the service and an HTTP client for
    // issuance over HTTP; nothing here is public API.
    .executableTarget(
      name: "OneWindowBench",
      dependencies: [
        "OneWindowKit", "OneWindowServer", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // The libFuzzer target over the packet path (`scripts/fuzz.sh`); built plainly, a replayer
    // of fuzz inputs through the same invariant check.
    .executableTarget(
      name: "OneWindowFuzz",
      dependencies: ["OneWindowTestSupport"],
      swiftSettings: swiftSettings
    ),
    // Test helpers shared by the test targets (repository paths, goldens, running the binary).
    .target(
      name: "OneWindowTestSupport",
      dependencies: ["OneWindowKit", "OneWindowRules", "OneWindowZip"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowXMLTests",
      dependencies: ["OneWindowXML", "OneWindowTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowCoreTests",
      dependencies: ["OneWindowCore"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowRulesTests",
      dependencies: ["OneWindowRules", "OneWindowKit", "OneWindowTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowStoreTests",
      dependencies: ["OneWindowStore", "OneWindowTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowKitTests",
      // GRDB only to alter registry files behind OneWindow's back in the tamper tests.
      dependencies: [
        "OneWindowKit", "OneWindowValidation", "OneWindowZip", "OneWindowRegistry", "OneWindowTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      // The committed zip bomb (scripts/make-sample-zips.py), read by path.
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowServerTests",
      dependencies: [
        "OneWindowServer", "OneWindowTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "OneWindowCLITests",
      // The server (accounts' password hashes) and an HTTP client for the tests that run
      // several `onewindow serve` processes on one PostgreSQL registry.
      dependencies: [
        "OneWindowCLI", "OneWindowServer", "OneWindowTestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      // The --help and stats goldens, read by path.
      exclude: ["Help", "Goldens"],
      swiftSettings: swiftSettings
    ),
  ]
)

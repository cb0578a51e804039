import Foundation
import OneWindowKit

/// `onewindow-bench`: the registry benchmarks of `Benchmarks/run.sh`.
///
/// ```
/// onewindow-bench registry-lookup --dir Benchmarks/out [--repeat 2000] [--rebuild]
/// onewindow-bench issuance --dir Benchmarks/out [--bundles 200]
/// onewindow-bench issuance-http --dir Benchmarks/out [--bundles 200]
/// onewindow-bench pg-issuance --postgres URL [--bundles 200] [--workers 4] [--rounds 3]
/// onewindow-bench pg-lookup --postgres URL [--repeat 2000] [--rebuild]
/// ```
///
/// The `pg-` commands run on a PostgreSQL server (`--postgres`, or `ONEWINDOW_BENCH_POSTGRES`),
/// in schemas of their own (`bench_…`), which they drop and make again; `run.sh` gives them a
/// throwaway cluster. `pg-lookup` exits 1 when a query plan at the large size scans a table.
///
/// Each prints human-readable lines and `RESULT key=value` lines that `run.sh` collects. Both
/// compare two things measured in the same process, alternating, so the machine's noise hits
/// both sides alike. Exit 0 when the benchmark ran (whether or not a floor was met), 2 when it
/// could not run, 64 on a usage error.
@main
struct OneWindowBench {
  static func main() async {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let command = arguments.first else { usage() }
    arguments.removeFirst()
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      guard argument.hasPrefix("--") else { usage("unexpected argument '\(argument)'") }
      let name = String(argument.dropFirst(2))
      if ["rebuild"].contains(name) {
        flags.insert(name)
        index += 1
      } else {
        guard index + 1 < arguments.count else { usage("\(argument) needs a value") }
        options[name] = arguments[index + 1]
        index += 2
      }
    }
    let directory = options["dir"] ?? "Benchmarks/out"
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let oneWindow = try OneWindow(schemasFolder: options["schemas"], dataFolder: options["data"])
      let samples = options["samples"] ?? Repository.samplesFolder(schemasFolder: oneWindow.schemasFolder)
      switch command {
      case "registry-lookup":
        try await RegistryLookupBenchmark(
          oneWindow: oneWindow, directory: directory, samples: samples,
          repeats: Int(options["repeat"] ?? "") ?? 2000,
          smallUnits: Int(options["small-units"] ?? "") ?? 1000,
          largePreFilings: Int(options["large-prefilings"] ?? "") ?? 100_000,
          largeUnits: Int(options["large-units"] ?? "") ?? 1_000_000,
          rebuild: flags.contains("rebuild")
        ).run()
      case "issuance":
        try await IssuanceBenchmark(
          oneWindow: oneWindow, directory: directory, samples: samples,
          bundles: Int(options["bundles"] ?? "") ?? 200
        ).run()
      case "issuance-http":
        try await IssuanceOverHTTPBenchmark(
          oneWindow: oneWindow, directory: directory, samples: samples,
          bundles: Int(options["bundles"] ?? "") ?? 200
        ).run()
      case "pg-issuance":
        try await PostgresIssuanceBenchmark(
          oneWindow: oneWindow, postgres: try postgresURL(options), samples: samples,
          bundles: Int(options["bundles"] ?? "") ?? 200, workers: Int(options["workers"] ?? "") ?? 4,
          rounds: Int(options["rounds"] ?? "") ?? 3
        ).run()
      case "pg-lookup":
        let scanned = try await PostgresLookupBenchmark(
          oneWindow: oneWindow, postgres: try postgresURL(options), samples: samples,
          repeats: Int(options["repeat"] ?? "") ?? 2000,
          smallUnits: Int(options["small-units"] ?? "") ?? 1000,
          largePreFilings: Int(options["large-prefilings"] ?? "") ?? 100_000,
          largeUnits: Int(options["large-units"] ?? "") ?? 1_000_000,
          rebuild: flags.contains("rebuild")
        ).run()
        if scanned {
          FileHandle.standardError.write(Data("onewindow-bench: a query plan at the large size scans a table sequentially\n".utf8))
          exit(1)
        }
      default:
        usage("unknown command '\(command)'")
      }
    } catch {
      FileHandle.standardError.write(Data("onewindow-bench: \(error)\n".utf8))
      exit(2)
    }
  }

  /// `--postgres URL`, else `ONEWINDOW_BENCH_POSTGRES`.
  static func postgresURL(_ options: [String: String]) throws -> String {
    guard let url = options["postgres"] ?? ProcessInfo.processInfo.environment["ONEWINDOW_BENCH_POSTGRES"], !url.isEmpty else {
      throw BenchError("give the PostgreSQL server: --postgres postgres://USER@HOST:PORT/DATABASE (scripts/postgres-cluster.sh starts one)")
    }
    return url
  }

  static func usage(_ problem: String? = nil) -> Never {
    if let problem { FileHandle.standardError.write(Data("onewindow-bench: \(problem)\n".utf8)) }
    FileHandle.standardError.write(
      Data(
        """
        usage: onewindow-bench registry-lookup --dir DIR [--repeat N] [--small-units N]
                 [--large-prefilings N] [--large-units N] [--rebuild]
               onewindow-bench issuance --dir DIR [--bundles N]
               onewindow-bench issuance-http --dir DIR [--bundles N]
               onewindow-bench pg-issuance --postgres URL [--bundles N] [--workers N] [--rounds N]
               onewindow-bench pg-lookup --postgres URL [--repeat N] [--small-units N]
                 [--large-prefilings N] [--large-units N] [--rebuild]
        common: --schemas DIR --data DIR --samples DIR (default: the checkout's SampleFilings)

        """.utf8))
    exit(64)
  }
}

/// Where the checkout's folders are, from the schema folder OneWindow found.
enum Repository {
  static func samplesFolder(schemasFolder: String) -> String {
    URL(fileURLWithPath: schemasFolder).deletingLastPathComponent().appendingPathComponent("SampleFilings").path
  }
}

/// A problem that stops a benchmark.
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Wall-clock timing and the statistics the benchmarks print.
enum Timing {
  /// Seconds taken by `body`.
  static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// Runs `body` synchronously (so GRDB's blocking calls are chosen inside async code).
  static func now<T>(_ body: () throws -> T) rethrows -> T { try body() }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  static func format(_ value: Double, digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// `RESULT key=value`, the line `run.sh` collects.
  static func result(_ key: String, _ value: String) {
    print("RESULT \(key)=\(value)")
  }
}

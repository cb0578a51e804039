import Foundation
public import OneWindowKit

/// Runs inputs through the one intake and check, for the tests of the input checks (`SEC-`,
/// `ENC-`, `PKT-`): what a hostile case, a sample, or bytes made in the test give.
public enum SystemRuleHarness {
  public static let options = ValidationOptions(jobs: 1, computeHashes: false, asOf: CivilDate(year: 2026, month: 11, day: 20))

  /// The hostile cases (written once per process by `scripts/hostile-cases.py`).
  public static func hostile() throws -> HostileCases {
    switch HostileCases.shared {
    case .success(let cases): return cases
    case .failure(let failure): throw failure
    }
  }

  /// The error and warning ids a hostile case gets.
  public static func ids(ofCase name: String) throws -> [String] {
    let cases = try hostile()
    let report = RegistryHarness.oneWindow.validate(
      [PacketSourceCollector.source(file: cases.path(name))], options: options)[0]
    return report.findings.filter { $0.severity != .info }.map(\.ruleID.rawValue)
  }

  /// The error and warning ids of bytes checked in memory.
  public static func ids(of bytes: [UInt8], options: ValidationOptions = options) -> [String] {
    RegistryHarness.oneWindow.validate(bytes: bytes, name: "input.xml", options: options)
      .findings.filter { $0.severity != .info }.map(\.ruleID.rawValue)
  }

  /// The error and warning ids of a sample of the corpus.
  public static func ids(ofSample relative: String) throws -> [String] {
    ids(of: try Repository.bytes("SampleFilings/" + relative))
  }
}

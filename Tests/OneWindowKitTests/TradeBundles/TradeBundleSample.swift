import Foundation
import OneWindowKit
import OneWindowTestSupport

/// The bookshop's sample packets with one change made, for the tests of the `TB-` checks.
enum TradeBundleSample {
  static let opening = "valid/tradebundle/bookshop-opening.xml"
  static let change = "valid/tradebundle/bookshop-change-publication-scope.xml"

  /// The sample's text with `original` replaced by `replacement` (which must occur).
  static func edited(_ sample: String, _ original: String, _ replacement: String) throws -> [UInt8] {
    let text = String(decoding: try Repository.bytes("SampleFilings/" + sample), as: UTF8.self)
    precondition(text.contains(original), "\(sample) does not contain \(original)")
    return Array(text.replacingOccurrences(of: original, with: replacement).utf8)
  }

  /// The findings (error and warning) of edited bytes: id, line and path.
  static func findings(_ bytes: [UInt8]) -> [(id: String, line: Int?, path: String?)] {
    RegistryHarness.oneWindow.validate(bytes: bytes, name: "input.xml", options: SystemRuleHarness.options)
      .findings.filter { $0.severity != .info }.map { ($0.ruleID.rawValue, $0.location.line, $0.location.path) }
  }
}

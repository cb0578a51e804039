import Foundation
import OneWindowKit
import OneWindowTestSupport

/// Runs the pair rules over the 天晟吉祥 business and food applications, either of them edited;
/// findings are located in the food application.
enum PairRuleHarness {
  static func run(
    _ rule: RuleID, editingFood edits: [(String, String)] = [], editingBusiness businessEdits: [(String, String)] = []
  ) throws -> RuleHarness.Run {
    let oneWindow = try RuleHarness.oneWindow.orThrow()
    let food = try edited("SampleFilings/valid/food/tianshengjixiang-food.xml", edits)
    let business = try edited("SampleFilings/valid/business/tianshengjixiang-business.xml", businessEdits)
    let findings = try oneWindow.checkTracks(
      business: Array(business.utf8), businessName: "business.xml", food: Array(food.utf8), foodName: "food.xml",
      options: ValidationOptions(asOf: RuleHarness.asOf, rules: RuleSettings(only: [rule])))
    return RuleHarness.Run(report: PacketReport(source: "food.xml", outcome: Outcome.of(findings), findings: findings), text: food)
  }

  /// A sample's text with each `(old, new)` replacement made once.
  private static func edited(_ sample: String, _ edits: [(String, String)]) throws -> String {
    var text = String(decoding: try Repository.bytes(sample), as: UTF8.self)
    for (old, new) in edits {
      guard let range = text.range(of: old) else { throw RuleHarness.Failure(description: "'\(old)' not in \(sample)") }
      text.replaceSubrange(range, with: new)
    }
    return text
  }
}

extension Optional {
  func orThrow() throws -> Wrapped {
    guard let self else { throw RuleHarness.Failure(description: "not loaded") }
    return self
  }
}

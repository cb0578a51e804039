import Foundation
import OneWindowKit
import OneWindowTestSupport

/// Runs the pair rules over the 天晟吉祥 business and food applications, the food one edited.
enum PairRuleHarness {
  static func run(_ rule: RuleID, editingFood edits: [(String, String)] = []) throws -> RuleHarness.Run {
    let oneWindow = try RuleHarness.oneWindow.orThrow()
    var food = String(decoding: try Repository.bytes("SampleFilings/valid/food/tianshengjixiang-food.xml"), as: UTF8.self)
    for (old, new) in edits {
      guard let range = food.range(of: old) else { throw RuleHarness.Failure(description: "'\(old)' not in the food sample") }
      food.replaceSubrange(range, with: new)
    }
    let business = try Repository.bytes("SampleFilings/valid/business/tianshengjixiang-business.xml")
    let findings = try oneWindow.checkTracks(
      business: business, businessName: "business.xml", food: Array(food.utf8), foodName: "food.xml",
      options: ValidationOptions(asOf: RuleHarness.asOf, rules: RuleSettings(only: [rule])))
    return RuleHarness.Run(report: PacketReport(source: "food.xml", outcome: Outcome.of(findings), findings: findings), text: food)
  }
}

extension Optional {
  func orThrow() throws -> Wrapped {
    guard let self else { throw RuleHarness.Failure(description: "not loaded") }
    return self
  }
}

import OneWindowKit
import OneWindowTestSupport
import Testing

/// The 2023 measures: bracket notes after the 主体业态 fit it, and a central kitchen or group-meal
/// delivery unit carries its note.
struct CategoryNotesMatchCategoryTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CategoryNotesMatchCategory.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CategoryNotesMatchCategory.id, sample: "invalid/bundle/fl-017-central-kitchen-without-category-note.xml")
    #expect(run.specs == [
      FindingSpec(
        "FL-017", .error, line: run.line(of: "<OperatorCategory>"), path: "/RestaurantOpening/FoodLicence/OperatorCategory")
    ])
  }

  @Test func acceptsACentralKitchenWithItsNote() throws {
    let run = try RuleHarness.run(
      CategoryNotesMatchCategory.id, sample: "invalid/bundle/fl-017-central-kitchen-without-category-note.xml",
      replacing: [(
        "<CateringSubtype>CENTRAL_KITCHEN</CateringSubtype>",
        "<CateringSubtype>CENTRAL_KITCHEN</CateringSubtype>\n    <CategoryNote>CENTRAL_KITCHEN</CategoryNote>"
      )])
    #expect(run.specs.isEmpty)
  }

  /// A school-canteen note belongs to a canteen, not to a restaurant.
  @Test func flagsANoteOfAnotherCategory() throws {
    let run = try RuleHarness.run(
      CategoryNotesMatchCategory.id, sample: "valid/bundle/tianshengjixiang-opening.xml",
      replacing: [(
        "<CateringSubtype>SMALL</CateringSubtype>",
        "<CateringSubtype>SMALL</CateringSubtype>\n    <CategoryNote>SCHOOL_CANTEEN</CategoryNote>"
      )])
    #expect(run.specs == [
      FindingSpec(
        "FL-017", .error, line: run.line(of: "<CategoryNote>"), path: "/RestaurantOpening/FoodLicence/CategoryNote")
    ])
  }
}

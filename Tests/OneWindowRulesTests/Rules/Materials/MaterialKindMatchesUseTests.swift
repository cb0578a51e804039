import OneWindowKit
import OneWindowTestSupport
import Testing

struct MaterialKindMatchesUseTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(MaterialKindMatchesUse.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(MaterialKindMatchesUse.id, sample: "invalid/bundle/doc-005-layout-ref-points-at-equipment-list.xml")
    #expect(run.specs == [
      FindingSpec("DOC-005", .error, line: run.line(of: "<LayoutPlanRef>"), path: "/RestaurantOpening/FoodLicence/LayoutPlanRef")
    ])
  }
}

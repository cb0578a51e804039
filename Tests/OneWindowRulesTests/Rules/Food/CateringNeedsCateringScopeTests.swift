import OneWindowKit
import OneWindowTestSupport
import Testing

struct CateringNeedsCateringScopeTests {
  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(CateringNeedsCateringScope.id, sample: "valid/bundle/tianshengjixiang-opening.xml")
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(CateringNeedsCateringScope.id, sample: "invalid/bundle/fl-001-catering-without-catering-scope.xml")
    #expect(run.specs == [
      FindingSpec("FL-001", .error, line: run.line(of: "<BusinessScope>"), path: "/RestaurantOpening/BusinessScope")
    ])
  }
}

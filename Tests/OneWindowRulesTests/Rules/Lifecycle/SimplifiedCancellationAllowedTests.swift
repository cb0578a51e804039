import OneWindowKit
import OneWindowTestSupport
import Testing

struct SimplifiedCancellationAllowedTests {
  static let valid = "valid/bundle/tianshengjixiang-cancellation-simplified.xml"

  @Test func acceptsTheValidSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationAllowed.id, sample: Self.valid)
    #expect(run.specs.isEmpty)
  }

  @Test func flagsTheFailingSample() throws {
    let run = try RuleHarness.run(SimplifiedCancellationAllowed.id, sample: "invalid/bundle/ca-001-simplified-while-listed-abnormal.xml")
    #expect(run.specs == [
      FindingSpec("CA-001", .error, line: run.line(of: "<Simplified>"), path: "/RestaurantCancellation/Simplified"),
      // Written before the two 细则 art 48 declarations existed: the clerk's check settles them.
      FindingSpec("CA-001", .warning, line: run.line(of: "<Status>"), path: "/RestaurantCancellation/Status"),
    ])
  }

  /// 细则 art 48: the serious-dishonesty list rules the simplified route out.
  @Test func flagsTheSeriousDishonestyList() throws {
    let run = try RuleHarness.run(
      SimplifiedCancellationAllowed.id, sample: Self.valid,
      replacing: [("<OnSeriousDishonestyList>false<", "<OnSeriousDishonestyList>true<")])
    #expect(run.specs == [
      FindingSpec(
        "CA-001", .error, line: run.line(of: "<OnSeriousDishonestyList>"), path: "/RestaurantCancellation/Status/OnSeriousDishonestyList")
    ])
  }

  /// 条例 art 33 ¶4: 吊销, 责令关闭, 撤销 rule it out too.
  @Test func flagsARevokedLicence() throws {
    let run = try RuleHarness.run(
      SimplifiedCancellationAllowed.id, sample: Self.valid,
      replacing: [("<RevokedClosedOrCancelled>false<", "<RevokedClosedOrCancelled>true<")])
    #expect(run.specs == [
      FindingSpec(
        "CA-001", .error, line: run.line(of: "<RevokedClosedOrCancelled>"), path: "/RestaurantCancellation/Status/RevokedClosedOrCancelled")
    ])
  }

  /// An ordinary cancellation declares nothing of the kind.
  @Test func ignoresAnOrdinaryCancellation() throws {
    let run = try RuleHarness.run(
      SimplifiedCancellationAllowed.id, sample: Self.valid,
      replacing: [("<Simplified>true<", "<Simplified>false<"), ("<OnSeriousDishonestyList>false<", "<OnSeriousDishonestyList>true<")])
    #expect(run.specs.isEmpty)
  }
}

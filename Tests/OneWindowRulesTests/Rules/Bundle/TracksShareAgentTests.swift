import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

struct TracksShareAgentTests {
  static let agent = """
    </BundleNumber>
      <Agent>
        <Name>周雅琴</Name>
        <IdDocument type="RESIDENT_ID">370202199411171620</IdDocument>
        <PowerOfAttorneyRef>M-1</PowerOfAttorneyRef>
      </Agent>
    """

  @Test func acceptsTracksWithoutAnAgent() throws {
    #expect(try PairRuleHarness.run(TracksShareAgent.id).specs.isEmpty)
  }

  @Test func acceptsTheSameAgentOnBothTracks() throws {
    let run = try PairRuleHarness.run(
      TracksShareAgent.id, editingFood: [("</BundleNumber>", Self.agent)], editingBusiness: [("</BundleNumber>", Self.agent)])
    #expect(run.specs.isEmpty)
  }

  @Test func flagsAnAgentOnlyTheFoodTrackNames() throws {
    let run = try PairRuleHarness.run(TracksShareAgent.id, editingFood: [("</BundleNumber>", Self.agent)])
    #expect(run.specs == [FindingSpec("BD-007", .error, line: run.line(of: "<Agent>"), path: "/FoodLicenceApplication/Agent")])
    #expect(run.report.findings.first?.message.en == "business track: none; food track: 周雅琴/RESIDENT_ID 370202199411171620/M-1")
  }

  @Test func flagsAnAgentOnlyTheBusinessTrackNames() throws {
    let run = try PairRuleHarness.run(TracksShareAgent.id, editingBusiness: [("</BundleNumber>", Self.agent)])
    #expect(run.specs == [FindingSpec("BD-007", .error, line: run.line(of: "<FoodLicenceApplication"), path: "/FoodLicenceApplication")])
    #expect(run.report.findings.first?.message.zh == "营业执照线为 周雅琴/RESIDENT_ID 370202199411171620/M-1，食品线为 无")
  }

  @Test func flagsDifferentAgents() throws {
    let other = Self.agent.replacingOccurrences(of: "370202199411171620", with: "370202198306193532")
    let run = try PairRuleHarness.run(
      TracksShareAgent.id, editingFood: [("</BundleNumber>", other)], editingBusiness: [("</BundleNumber>", Self.agent)])
    #expect(run.specs == [FindingSpec("BD-007", .error, line: run.line(of: "<Agent>"), path: "/FoodLicenceApplication/Agent")])
    #expect(run.report.findings.first?.value == "370202198306193532")
  }
}
